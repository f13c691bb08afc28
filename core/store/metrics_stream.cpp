#include "store/metrics_stream.hpp"

#include <algorithm>
#include <stdexcept>

#include "store/redis_error.hpp"

namespace liveml::store {
namespace {

constexpr std::string_view kJsonField = "json";

} // namespace

MetricsStream::MetricsStream(RedisConnection& connection, std::string key, std::size_t max_len)
    : connection_(connection), key_(std::move(key)), max_len_(max_len) {
    if (key_.empty()) throw std::invalid_argument("the Redis metrics stream key must not be empty");
    if (max_len_ == 0) throw std::invalid_argument("the metrics stream cap must be at least 1");
}

std::string MetricsStream::append(std::string_view json) {
    const std::string max_len = std::to_string(max_len_);
    return connection_.command({"XADD", key_, "MAXLEN", "~", max_len, "*", kJsonField, json})
        .as_string("Redis at " + connection_.url().to_string() + ", XADD " + key_);
}

std::vector<MetricsEntry> MetricsStream::latest(std::size_t count) {
    if (count == 0) return {};
    auto entries = parse_entries(
        connection_.command({"XREVRANGE", key_, "+", "-", "COUNT", std::to_string(count)}));
    std::reverse(entries.begin(), entries.end());
    return entries;
}

std::vector<MetricsEntry> MetricsStream::after(std::string_view last_id, std::size_t count) {
    if (count == 0) return {};
    // "(" makes the start exclusive (Redis 6.2+), so a poller never sees an entry twice.
    const std::string start =
        last_id.empty() || last_id == "0" ? std::string("-") : "(" + std::string(last_id);
    return parse_entries(
        connection_.command({"XRANGE", key_, start, "+", "COUNT", std::to_string(count)}));
}

std::size_t MetricsStream::size() {
    const auto length =
        connection_.command({"XLEN", key_})
            .as_integer("Redis at " + connection_.url().to_string() + ", XLEN " + key_);
    return static_cast<std::size_t>(std::max(0LL, length));
}

std::vector<MetricsEntry> MetricsStream::parse_entries(const RedisValue& reply) const {
    const std::string context = "Redis at " + connection_.url().to_string() + ", stream " + key_;
    std::vector<MetricsEntry> entries;
    for (const auto& item : reply.as_array(context)) {
        const auto& parts = item.as_array(context);
        if (parts.size() != 2) {
            throw RedisError(RedisError::Kind::kProtocol, context + ": malformed stream entry");
        }
        MetricsEntry entry;
        entry.id = parts[0].as_string(context);
        const auto& fields = parts[1].as_array(context);
        // Entries written by others may carry other fields: keep only ours, skip the rest.
        for (std::size_t i = 0; i + 1 < fields.size(); i += 2) {
            if (fields[i].as_string(context) == kJsonField) {
                entry.json = fields[i + 1].as_string(context);
                entries.push_back(std::move(entry));
                break;
            }
        }
    }
    return entries;
}

} // namespace liveml::store
