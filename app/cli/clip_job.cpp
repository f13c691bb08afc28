#include "clip_job.hpp"

#include <CLI/CLI.hpp>

#include <stdexcept>

namespace liveml::cli {

void ClipJobFlags::add_to(CLI::App& command) {
    command.add_option("--device", runtime.device, "auto, cpu, cuda or cuda:N")
        ->check(CLI::Validator(
            [](std::string& device) {
                try {
                    clip::check_device_spelling(device);
                    return std::string{};
                } catch (const std::invalid_argument& e) {
                    return std::string(e.what());
                }
            },
            "DEVICE"))
        ->capture_default_str();
    command.add_option("--threads", runtime.threads, "CPU threads for LibTorch")
        ->check(CLI::Range(1, 256))
        ->capture_default_str();
    add_json_flag(command, json);
}

void run_clip_job(std::string_view job, const ClipJobFlags& flags,
                  const std::function<void(JobReporter&)>& work) {
    JobReporter reporter(flags.json, "liveml-clip " + std::string(job));
    run_job(reporter, [&] { work(reporter); });
}

} // namespace liveml::cli
