#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "store/redis_connection.hpp"

namespace liveml::store {

inline constexpr std::string_view kDefaultModelKey = "online_ml_model";

// Consumed Kafka positions: "topic:partition" → the next offset to consume.
using OffsetMap = std::map<std::string, std::int64_t>;

// Builds the "topic:partition" field name used in OffsetMap.
std::string offset_field(std::string_view topic, std::int32_t partition);

// The trainer's durable state, as stored under one model key K:
//   K            string  model bytes (core/online serialize_model format; opaque here)
//   K:offsets    hash    "topic:partition" → next offset to consume
//   K:version    string  integer, 1 for the first checkpoint, +1 for each one after
// and announced on the pub/sub channel K:updates.
struct Checkpoint {
    std::string model_bytes;
    OffsetMap offsets;
    std::int64_t version = 0;
};

// The JSON message published on K:updates after each checkpoint:
//   {"key":"online_ml_model","version":7,"samples_seen":12345,"ts_ms":1700000000000}
struct CheckpointNotice {
    std::string key;
    std::int64_t version = 0;
    std::uint64_t samples_seen = 0;
    std::int64_t ts_ms = 0; // wall clock (Unix epoch ms) when the checkpoint was written

    std::string to_json() const;
    // Throws RedisError(kProtocol) for anything that is not such an object.
    static CheckpointNotice from_json(std::string_view json);
};

// Reads and writes checkpoints of one model key over a caller-owned connection.
class CheckpointStore {
  public:
    explicit CheckpointStore(RedisConnection& connection,
                             std::string model_key = std::string(kDefaultModelKey));

    // In one MULTI/EXEC transaction: SET K, HSET K:offsets (merged: partitions not in
    // `offsets` keep their stored position), SET K:version to the stored version + 1, and
    // PUBLISH the notice on K:updates. The version is read under WATCH, so two concurrent
    // writers cannot both claim the same version (the loser retries). A subscriber that gets
    // the notice can already read the new data. Returns the new version. Throws RedisError.
    std::int64_t save(std::string_view model_bytes, const OffsetMap& offsets,
                      std::uint64_t samples_seen);

    // The latest checkpoint, read as one MULTI/EXEC snapshot (model, offsets and version always
    // belong together); nullopt when K does not exist. Throws RedisError.
    std::optional<Checkpoint> load();

    const std::string& model_key() const noexcept { return model_key_; }
    std::string offsets_key() const { return model_key_ + ":offsets"; }
    std::string version_key() const { return model_key_ + ":version"; }
    std::string updates_channel() const { return model_key_ + ":updates"; }

  private:
    RedisConnection& connection_;
    std::string model_key_;
};

} // namespace liveml::store
