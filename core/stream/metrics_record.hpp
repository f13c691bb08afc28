#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "stream/learner_report.hpp"

namespace liveml::stream {

// One trainer metrics record (docs/streaming.md, "Metrics"), flattened into named values.
// Nested fields get a slash: "window_10s/total", "latency_ms/mean", "consumer_lag/<topic:p>".
// A value the trainer reported as null (no data yet) is NaN.
struct MetricsRecord {
    double time = 0;         // ts_ms in seconds since the Unix epoch
    double samples_seen = 0; // the step
    std::int64_t model_version = 0;
    std::int64_t accuracy_window = 0; // N of accuracy_last_n, 0 if absent
    std::optional<std::string> run;   // the record's own "run" field, if it has one
    std::optional<std::array<double, 10>> label_distribution;
    std::vector<std::pair<std::string, double>> values;
    std::vector<LearnerReport> learners; // "learners", in the record's order of names
    std::vector<DriftEvent> drift;       // "drift"
};

// Why a record was refused, in words (shown on the dashboard, counted).
class MetricsRecordError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// Parses and validates a metrics record: a JSON object with numeric ts_ms and samples_seen
// (≥ 0); every other known field is optional but must have its documented type. Unknown fields
// are ignored so a newer trainer still charts. Throws MetricsRecordError.
MetricsRecord parseMetricsRecord(std::string_view json);

} // namespace liveml::stream
