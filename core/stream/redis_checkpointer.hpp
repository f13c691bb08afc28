#pragma once
#include <cstdint>
#include <memory>

#include "store/resilient_redis.hpp"
#include "stream/checkpointer.hpp"
#include "stream/kafka_producer.hpp"

namespace liveml::stream {

// The models' serving copies in Redis (per model key: key, offsets hash, version, pub/sub
// notice): what the studio and `liveml model show --redis` read, in either design.
class RedisModelCopy {
  public:
    RedisModelCopy(store::ResilientRedis& redis, std::vector<std::string> model_keys,
                   std::string source_topic)
        : redis_(redis), model_keys_(std::move(model_keys)),
          source_topic_(std::move(source_topic)) {}
    const std::string& source_topic() const noexcept { return source_topic_; }
    const std::vector<std::string>& model_keys() const noexcept { return model_keys_; }
    // Every key's checkpoint; waits for Redis; false when stop() turned true first.
    bool load(const StopFlag& stop, std::map<std::string, ResumePoint>& found);
    // Each model under its key, one MULTI/EXEC per key (the first model's last). The new
    // version Redis assigned to the first model, or nullopt when Redis went away before all
    // were written.
    std::optional<std::int64_t> save(const std::vector<ModelSnapshot>& models,
                                     const OffsetBook& book);

  private:
    store::ResilientRedis& redis_;
    std::vector<std::string> model_keys_;
    std::string source_topic_;
};

// At-least-once: sink records through an idempotent producer; a checkpoint first waits until
// the broker has every one of them, then writes model + offsets to Redis in one MULTI/EXEC.
// A crash after sink records and before their checkpoint re-sends them on restart (same key).
class RedisCheckpointer final : public Checkpointer {
  public:
    RedisCheckpointer(const KafkaProperties& producer_properties, RedisModelCopy copy, LogLine log);
    bool load(const StopFlag& stop, std::map<std::string, ResumePoint>& found) override {
        return copy_.load(stop, found);
    }
    bool send(std::string_view topic, std::string_view key, std::string_view value,
              const StopFlag& stop) override;
    void poll() override { producer_.poll(); }
    CommitResult commit(const std::vector<ModelSnapshot>& models, const OffsetBook& book,
                        SourceConsumer& consumer, std::int64_t& version,
                        const StopFlag& stop) override;
    std::uint64_t failed_deliveries() const override { return producer_.failed(); }
    const char* guarantee() const override { return "at-least-once"; }

  private:
    KafkaProducer producer_;
    RedisModelCopy copy_;
    LogLine log_;
    bool sink_broken_ = false; // a record could not be queued: never checkpoint past it
    bool flush_warned_ = false;
};

} // namespace liveml::stream
