#pragma once
// What every `liveml clip …` job shares: --device/--threads/--json flags and the JSON-lines
// protocol the studio parses (docs/job-protocol.md): progress events while working, then one
// result or error event. Without --json, progress goes to stderr as text and the result is
// printed as one JSON object on stdout.
#include "clip/runtime_options.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace CLI {
class App;
}

namespace liveml::cli {

class JsonObject;

struct ClipJobFlags {
    clip::RuntimeOptions runtime;
    bool json = false;
    void add_to(CLI::App& command);
};

class JobReporter {
  public:
    explicit JobReporter(bool json) : json_(json) {}
    // loss / eta_s are left out of the event when negative (phases without them).
    void progress(std::string_view phase, std::int64_t step, std::int64_t total, double loss = -1,
                  double eta_s = -1);
    // `fields` become the event's members next to "event":"result".
    void result(const JsonObject& fields);
    // One item of a streamed answer (e.g. a prediction per image).
    void item(std::string_view event, const JsonObject& fields);
    // An input left out while the job goes on; `image` is omitted when empty (e.g. a bad
    // captions row, whose reason names file and line).
    void skipped(std::string_view image, std::string_view reason);
    void error(std::string_view message);

  private:
    bool json_;
};

// Runs `work`, turning exceptions into an error event and the exit code of commands.hpp
// (std::invalid_argument: usage, anything else: failure) via CLI::RuntimeError.
void run_clip_job(const ClipJobFlags& flags, const std::function<void(JobReporter&)>& work);

} // namespace liveml::cli
