#pragma once
#include <array>
#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "stream/learner_report.hpp"

namespace liveml::stream {

// State of the world outside the learner that a metrics record reports alongside it.
struct TrainerStatus {
    std::uint64_t samples_seen = 0; // the model's lifetime count (all runs)
    std::int64_t model_version = 0; // last checkpoint's version, 0 before the first
    std::string redis_state;        // "connected" | "lost" | "connecting"
    std::map<std::string, std::int64_t> consumer_lag; // "topic:partition" → records behind
    std::uint64_t sink_delivery_failures = 0;
    std::vector<LearnerReport> learners; // every learner, primary first
    std::vector<DriftEvent> drift;       // detections since the previous record
};

// What the trainer measures, updated per record on the hot path (no allocation) and turned
// into one JSON metrics record per interval. Counts are since this process started unless the
// name says otherwise.
class TrainerMetrics {
  public:
    using Clock = std::chrono::steady_clock;

    TrainerMetrics(std::size_t accuracy_window, Clock::time_point start = Clock::now());

    // One trained record: predicted_before is the prequential guess (before partial_fit),
    // predicted_after the sink's predict_y; log_loss < 0 when the loss has no probabilities.
    void trained(int label, int predicted_before, int predicted_after, double log_loss,
                 double latency_ms, Clock::time_point now);
    void dead_lettered() noexcept { ++dead_letters_; }

    // The metrics JSON (fields in docs/streaming.md) for the interval since the last call;
    // resets the interval's throughput and latency.
    std::string report(const TrainerStatus& status, std::int64_t wall_clock_ms,
                       Clock::time_point now);

    std::uint64_t trained_count() const noexcept { return trained_; }
    std::uint64_t dead_letter_count() const noexcept { return dead_letters_; }

  private:
    struct SecondBucket {
        std::int64_t second = -1; // seconds since start this bucket counts, -1 unused
        std::uint64_t total = 0;
        std::uint64_t correct = 0;
    };
    static constexpr std::size_t kWindowSeconds = 10;

    Clock::time_point start_;
    std::uint64_t trained_ = 0;
    std::uint64_t dead_letters_ = 0;
    std::uint64_t correct_before_ = 0;
    double log_loss_sum_ = 0;
    std::uint64_t log_loss_count_ = 0;
    std::array<std::uint64_t, 10> labels_{};
    // The last N outcomes of predict_y == actual_y, as the original computed its accuracy.
    std::vector<std::uint8_t> recent_;
    std::size_t recent_next_ = 0;
    std::size_t recent_filled_ = 0;
    std::size_t recent_correct_ = 0;
    std::array<SecondBucket, kWindowSeconds> window_{};
    // Since the previous report.
    Clock::time_point interval_start_;
    std::uint64_t interval_count_ = 0;
    double interval_latency_sum_ = 0;
    double interval_latency_max_ = 0;
};

} // namespace liveml::stream
