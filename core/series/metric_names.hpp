#pragma once

// Series names the dashboard stores and charts: the trainer's metrics record fields
// (docs/streaming.md), nested ones joined with '/', plus what the dashboard computes itself.
namespace liveml::series::metric {

inline constexpr const char* kSamplesSeen = "samples_seen";
inline constexpr const char* kAccuracyLastN = "accuracy_last_n";
inline constexpr const char* kRollingAccuracy =
    "rolling_accuracy"; // from predictions, N chosen here
inline constexpr const char* kPrequentialAccuracy = "prequential_accuracy";
inline constexpr const char* kLogLoss = "log_loss";
inline constexpr const char* kWindowTotal = "window_10s/total";
inline constexpr const char* kWindowCorrect = "window_10s/correct";
inline constexpr const char* kThroughput = "throughput_rps";
inline constexpr const char* kLatencyMean = "latency_ms/mean";
inline constexpr const char* kLatencyMax = "latency_ms/max";
inline constexpr const char* kLagPrefix = "consumer_lag/";
inline constexpr const char* kDeadLetters = "dlq_count";
// Per-learner scores ("learners" in the record): one series per learner, the run named by it.
inline constexpr const char* kLearnerAccuracy = "learner/accuracy";
inline constexpr const char* kLearnerLogLoss = "learner/log_loss";
inline constexpr const char* kLearnerEce = "learner/ece";
inline constexpr const char* kLearnerRate = "learner/records_per_s";

} // namespace liveml::series::metric
