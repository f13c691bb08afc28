#pragma once
// Per-learner parts of a trainer metrics record (docs/streaming.md, "Metrics"): written by
// TrainerMetrics, read back by parseMetricsRecord, so both sides share these types.
#include <cstdint>
#include <string>

namespace liveml::stream {

// One learner's scores; NaN where the interval had no data (null in JSON) or the learner has
// no probabilities (log loss, Brier score, calibration error).
struct LearnerReport {
    std::string name;                // the learner's kind, e.g. "sgd_classifier"
    double accuracy = 0;             // prequential, over the interval since the last record
    double prequential_accuracy = 0; // prequential, since the trainer started
    double log_loss = 0;             // interval
    double brier = 0;                // interval
    double ece = 0;                  // interval, 10 bins
    double records_per_s = 0;        // records per second of this learner's own compute time
    std::uint64_t samples_seen = 0;  // the model's lifetime count
    std::uint64_t resets = 0;        // drift reactions that replaced it, since the trainer started
};

// A drift detector fired on a learner's 0/1 error stream.
struct DriftEvent {
    std::string learner;  // the learner's kind
    std::string detector; // "adwin" | "ddm" | "page_hinkley"
    std::string kind;     // "warning" | "drift"
    // The stream position: records trained under this trainer's model key before this one
    // (the primary learner's count at start plus those trained since).
    std::uint64_t samples_seen = 0;
};

} // namespace liveml::stream
