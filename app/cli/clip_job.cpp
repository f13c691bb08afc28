#include "clip_job.hpp"

#include <CLI/CLI.hpp>

#include <stdexcept>

namespace liveml::cli {

namespace {

// A CLI11 validator from a core check that throws std::invalid_argument with the message.
CLI::Validator spelling(void (*check)(const std::string&), const char* name) {
    return CLI::Validator(
        [check](std::string& value) {
            try {
                check(value);
                return std::string{};
            } catch (const std::invalid_argument& e) {
                return std::string(e.what());
            }
        },
        name);
}

} // namespace

void ClipJobFlags::add_to(CLI::App& command) {
    command.add_option("--device", runtime.device, "auto, cpu, cuda or cuda:N")
        ->check(spelling(clip::check_device_spelling, "DEVICE"))
        ->capture_default_str();
    command
        .add_option("--precision", runtime.precision,
                    "auto (bf16 autocast when training on a GPU, else fp32), fp32 or bf16")
        ->check(spelling(clip::check_precision_spelling, "PRECISION"))
        ->capture_default_str();
    command.add_option("--threads", runtime.threads, "CPU threads for LibTorch")
        ->check(CLI::Range(1, 256))
        ->capture_default_str();
    add_json_flag(command, json);
}

void ModelFlags::add_to(CLI::App& command) {
    command.add_option("--model", dir, "model directory")->required();
    command
        .add_option("--adapter", adapter,
                    "LoRA adapter folder (PEFT layout, from `clip finetune`) applied to the model")
        ->check(CLI::ExistingDirectory);
}

void run_clip_job(std::string_view job, const ClipJobFlags& flags,
                  const std::function<void(JobReporter&)>& work) {
    JobReporter reporter(flags.json, "liveml-clip " + std::string(job));
    run_job(reporter, [&] { work(reporter); });
}

} // namespace liveml::cli
