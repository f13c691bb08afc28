#include "stream/redis_checkpointer.hpp"

#include <cstdint>
#include <thread>

#include "store/checkpoint_store.hpp"

namespace liveml::stream {
namespace {

// Before a checkpoint every sink record of the checkpointed offsets must be delivered; a
// broker that cannot take them within this bound postpones the checkpoint.
constexpr std::chrono::milliseconds kFlushTimeout{5000};

} // namespace

bool RedisModelCopy::load(const StopFlag& stop, std::map<std::string, ResumePoint>& found) {
    for (const auto& key : model_keys_) {
        std::optional<store::Checkpoint> checkpoint;
        while (!redis_.run([&](store::RedisConnection& connection) {
            checkpoint = store::CheckpointStore(connection, key).load();
        })) {
            if (stop()) return false;
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        if (checkpoint)
            found.insert_or_assign(
                key, ResumePoint{std::move(checkpoint->model_bytes),
                                 OffsetBook::from_map(source_topic_, checkpoint->offsets),
                                 checkpoint->version, "Redis key " + key});
    }
    return true;
}

std::optional<std::int64_t> RedisModelCopy::save(const std::vector<ModelSnapshot>& models,
                                                 const OffsetBook& book) {
    // The first model last: a crash in between leaves the others ahead of it, and the trainer
    // restarts those anew (docs/streaming.md, "Several learners").
    std::optional<std::int64_t> version;
    for (auto it = models.rbegin(); it != models.rend(); ++it) {
        version.reset();
        redis_.run([&](store::RedisConnection& connection) {
            version = store::CheckpointStore(connection, it->key)
                          .save(it->model_bytes, book.to_map(), it->samples_seen);
        });
        if (!version) return std::nullopt;
    }
    return version;
}

RedisCheckpointer::RedisCheckpointer(const KafkaProperties& producer_properties,
                                     RedisModelCopy copy, LogLine log)
    : producer_([&] {
          KafkaProperties all{{"enable.idempotence", "true"}};
          all.insert(all.end(), producer_properties.begin(), producer_properties.end());
          return all;
      }()),
      copy_(std::move(copy)), log_(std::move(log)) {}

bool RedisCheckpointer::send(std::string_view topic, std::string_view key, std::string_view value,
                             const StopFlag& stop) {
    if (producer_.send(topic, key, value, stop)) return true;
    sink_broken_ = true;
    return false;
}

CommitResult RedisCheckpointer::commit(const std::vector<ModelSnapshot>& models,
                                       const OffsetBook& book, SourceConsumer&,
                                       std::int64_t& version, const StopFlag&) {
    if (sink_broken_) return CommitResult::kPostponed;
    if (!producer_.flush(kFlushTimeout)) {
        if (!flush_warned_)
            log_("Kafka has not acknowledged the sink records; checkpoint postponed");
        flush_warned_ = true;
        return CommitResult::kPostponed;
    }
    flush_warned_ = false;
    const auto saved = copy_.save(models, book);
    if (!saved) return CommitResult::kPostponed;
    version = *saved;
    return CommitResult::kCommitted;
}

} // namespace liveml::stream
