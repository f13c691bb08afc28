#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "store/redis_connection.hpp"

namespace liveml::store {

inline constexpr std::string_view kDefaultMetricsKey = "online_ml:metrics";
inline constexpr std::size_t kDefaultMetricsMaxLen = 10000;

// One stream entry: Redis' entry id ("<ms>-<seq>") and the JSON record the trainer appended.
struct MetricsEntry {
    std::string id;
    std::string json;
};

// The trainer's metrics history as a capped Redis stream. Each entry has a single field
// "json" holding one metrics record. The cap is approximate (XADD MAXLEN ~ N): Redis trims
// whole macro nodes, so the stream may briefly hold somewhat more than N entries.
class MetricsStream {
  public:
    explicit MetricsStream(RedisConnection& connection,
                           std::string key = std::string(kDefaultMetricsKey),
                           std::size_t max_len = kDefaultMetricsMaxLen);

    // XADD key MAXLEN ~ max_len * json <json>; returns the new entry id. The JSON is stored as
    // given (the caller produced it). Throws RedisError.
    std::string append(std::string_view json);

    // The newest `count` entries, oldest first (XREVRANGE + - COUNT count, reversed): what a
    // chart needs when it opens.
    std::vector<MetricsEntry> latest(std::size_t count);

    // Up to `count` entries strictly after entry id `last_id`, oldest first (XRANGE with an
    // exclusive start): what a chart polls for afterwards. last_id "0" or "" means from the start.
    std::vector<MetricsEntry> after(std::string_view last_id, std::size_t count);

    // Number of entries (XLEN).
    std::size_t size();

    const std::string& key() const noexcept { return key_; }

  private:
    std::vector<MetricsEntry> parse_entries(const RedisValue& reply) const;

    RedisConnection& connection_;
    std::string key_;
    std::size_t max_len_;
};

} // namespace liveml::store
