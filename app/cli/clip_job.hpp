#pragma once
// What every `liveml-clip` job shares: the device option group (--device, --precision,
// --threads) and --json, and the JSON-lines protocol the studio parses (docs/job-protocol.md,
// job_reporter); the model group of the jobs that read one model.
#include "clip/runtime_options.hpp"
#include "exit_codes.hpp"
#include "job_reporter.hpp"

#include <functional>
#include <string>

namespace CLI {
class App;
}

namespace liveml::cli {

struct ClipJobFlags {
    clip::RuntimeOptions runtime;
    bool json = false;
    // The device spelling is checked while parsing (a misspelt device is a usage error).
    void add_to(CLI::App& command);
    // --devices and --placement: inference across devices (docs/parallel.md).
    void add_devices_to(CLI::App& command);
};

// --model DIR [--adapter DIR]: a model folder and, optionally, a LoRA adapter in PEFT's layout
// merged into it in memory (docs/finetune.md).
struct ModelFlags {
    std::string dir;
    std::string adapter;
    void add_to(CLI::App& command);
};

// Runs a job body under run_job with a reporter named after the job ("liveml-clip train").
void run_clip_job(std::string_view job, const ClipJobFlags& flags,
                  const std::function<void(JobReporter&)>& work);

} // namespace liveml::cli
