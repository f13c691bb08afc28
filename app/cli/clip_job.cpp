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

void check_devices(const std::string& devices) {
    clip::split_devices(devices);
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

void ClipJobFlags::add_devices_to(CLI::App& command) {
    command
        .add_option("--devices", runtime.devices,
                    "data-parallel inference: one model replica per device, e.g. cuda:0,cuda:1 "
                    "or cpu,cpu (CPU workers share --threads); rows keep their order")
        ->check(spelling(check_devices, "DEVICE,DEVICE,..."));
    command
        .add_option("--placement", runtime.placement,
                    "data (a replica per device) or towers (image tower on the first of two "
                    "--devices, text tower on the second)")
        ->check(CLI::IsMember({"data", "towers"}))
        ->capture_default_str();
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
    run_job(reporter, [&] {
        try {
            clip::check_placement(flags.runtime.placement, flags.runtime.devices);
        } catch (const std::invalid_argument& e) {
            throw UsageError(e.what());
        }
        work(reporter);
    });
}

} // namespace liveml::cli
