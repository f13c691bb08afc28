#pragma once
#include <string>
#include <string_view>

namespace liveml::stream {

// Topic names of the original pipeline; every command takes flags to override them.
inline constexpr std::string_view kSourceTopic = "handwritten_digit";
inline constexpr std::string_view kSinkTopic = "digit_predict";
inline constexpr std::string_view kMetricsTopic = "digit_metrics";
// Model snapshots committed in the trainer's Kafka transactions, keyed by model key (compacted).
inline constexpr std::string_view kCheckpointTopic = "online_ml_model.checkpoints";

// Dead letters of topic T go to T.dlq.
inline std::string dead_letter_topic(std::string_view source) {
    return std::string(source) + ".dlq";
}

} // namespace liveml::stream
