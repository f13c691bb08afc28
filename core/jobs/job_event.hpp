#pragma once
// One line of a `liveml clip … --json` job's stdout (docs/job-protocol.md), decoded.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace liveml::jobs {

enum class EventType { Progress, Prediction, Skipped, Result, Error, Other };

struct JobEvent {
    EventType type = EventType::Other;
    std::string name; // the "event" member as sent
    // progress
    std::string phase;
    std::int64_t step = 0;
    std::int64_t total = 0;
    std::optional<double> loss;
    std::optional<double> eta_s;
    // error: message; skipped: reason
    std::string message;
    nlohmann::json body; // the whole object, for kind-specific members (results, predictions)

    // A final line ends the job: exactly one result or error per job.
    bool is_final() const { return type == EventType::Result || type == EventType::Error; }
};

struct ParsedLine {
    std::optional<JobEvent> event;
    std::string error; // why the line is not an event (not JSON, no "event", wrong types)
};

// Never throws: a job's stdout is outside input.
ParsedLine parse_job_line(std::string_view line);

} // namespace liveml::jobs
