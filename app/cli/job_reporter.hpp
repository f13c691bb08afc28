#pragma once
// How every command of `liveml` and `liveml-clip` reports: with --json, JSON lines on stdout in
// the event shape of docs/job-protocol.md (progress, items, skipped, then one result or error);
// without, progress and problems go to stderr as text and the result is the command's own.
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <utility>

namespace CLI {
class App;
}

namespace liveml::cli {

class JsonObject;

// Adds the --json flag every command has.
void add_json_flag(CLI::App& command, bool& json);

class JobReporter {
  public:
    // `command` ("liveml fit") prefixes the text-mode lines on stderr.
    JobReporter(bool json, std::string command) : json_(json), command_(std::move(command)) {}

    bool json() const noexcept { return json_; }
    const std::string& command() const noexcept { return command_; }

    // loss / eta_s are left out of the event when negative (phases without them); `metrics`
    // (e.g. each distillation loss term) become a "metrics" object when not empty.
    void progress(std::string_view phase, std::int64_t step, std::int64_t total, double loss = -1,
                  double eta_s = -1, std::span<const std::pair<std::string, double>> metrics = {});
    // `fields` become the event's members next to "event":"result"; without --json they are
    // printed as one JSON object.
    void result(const JsonObject& fields);
    // The same for a result already serialised as one JSON object (e.g. a model report).
    void result_object(std::string_view object_json);
    // One item of a streamed answer (e.g. a prediction per image), in both modes a JSON line.
    void item(std::string_view event, const JsonObject& fields);
    // The same for fields already serialised as one JSON object (e.g. a metrics record).
    void item_object(std::string_view event, std::string_view object_json);
    // An input left out while the job goes on; `input` is omitted when empty (e.g. a bad
    // captions row, whose reason names file and line). `input_key` names it in the event.
    void skipped(std::string_view input, std::string_view reason,
                 std::string_view input_key = "image");
    void error(std::string_view message);
    // A line for people (stderr in both modes: stdout stays machine-readable with --json).
    void note(std::string_view message);

  private:
    bool json_;
    std::string command_;
};

// Runs a command body: a UsageError becomes an error report and kUsage, any other exception
// an error report and kFailure, each via CLI::RuntimeError (how commands end with a code).
// While it runs, what core libraries log goes to stderr through reporter.note.
void run_job(JobReporter& reporter, const std::function<void()>& work);

} // namespace liveml::cli
