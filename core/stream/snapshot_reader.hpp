#pragma once
#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "stream/kafka_config.hpp"

namespace liveml::stream {

// The value of the newest committed record with `key` in `topic` (a compacted topic of model
// snapshots), read with isolation.level=read_committed from the beginning to the end of every
// partition; nullopt when the key has none. Throws KafkaError when the topic cannot be read to
// its end within `timeout`.
std::optional<std::string> read_latest_snapshot(const KafkaProperties& properties,
                                                const std::string& topic, const std::string& key,
                                                std::chrono::milliseconds timeout);

// The same for several keys in one read of the topic: key → newest value, keys without one
// left out.
std::map<std::string, std::string> read_latest_snapshots(const KafkaProperties& properties,
                                                         const std::string& topic,
                                                         const std::vector<std::string>& keys,
                                                         std::chrono::milliseconds timeout);

} // namespace liveml::stream
