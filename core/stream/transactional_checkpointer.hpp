#pragma once
#include "stream/kafka_producer.hpp"
#include "stream/redis_checkpointer.hpp"

#include <cstdint>

namespace liveml::stream {

struct TransactionalCheckpointerOptions {
    KafkaProperties producer_properties; // bootstrap.servers, the user's properties
    KafkaProperties consumer_properties; // for reading the snapshot topic
    // One per model key: a new trainer with the same id fences the old one (its commits fail)
    // and aborts whatever transaction the old one left open.
    std::string transactional_id;
    std::string checkpoint_topic;
};

// Exactly-once: sink and dead-letter records go through a transactional producer; a checkpoint
// is one Kafka transaction holding those records, the model snapshots (one record per model,
// keyed by its model key, on the compacted checkpoint topic) and the consumer offsets
// (send_offsets_to_transaction).
// Kafka is the source of truth; after each commit the model goes to Redis as its serving copy.
// A crash leaves at most an open transaction, which the next trainer's start aborts: a
// read_committed reader never sees a record twice.
class TransactionalCheckpointer final : public Checkpointer {
  public:
    TransactionalCheckpointer(TransactionalCheckpointerOptions options, RedisModelCopy copy,
                              LogLine log);
    // Fences any older trainer with our transactional id, then reads the newest committed
    // snapshots of the copy's model keys; when the first key has none (an older version, a
    // mock broker) every model is loaded from Redis.
    bool load(const StopFlag& stop, std::map<std::string, ResumePoint>& found) override;
    bool send(std::string_view topic, std::string_view key, std::string_view value,
              const StopFlag& stop) override;
    // Also retries the Redis copy of the last commit when Redis was away.
    void poll() override;
    CommitResult commit(const std::vector<ModelSnapshot>& models, const OffsetBook& book,
                        SourceConsumer& consumer, std::int64_t& version,
                        const StopFlag& stop) override;
    std::uint64_t failed_deliveries() const override { return producer_.failed(); }
    const char* guarantee() const override { return "exactly-once"; }

  private:
    enum class Step { kDone, kRetry, kAbort };
    // Runs one transactional call until it succeeds, needs an abort, or stop() gives up.
    // Throws TakenOverError when fenced, KafkaError for other fatal errors.
    Step retry(const char* what, const StopFlag& stop,
               const std::function<rd_kafka_error_t*()>& call);
    bool begin();
    // Throws TakenOverError when a newer trainer fenced our producer, KafkaError for any
    // other fatal producer error.
    void throw_if_failed();
    bool abort(const StopFlag& stop);
    // producer_.send, except that a record the producer refuses because the open transaction
    // already failed (abortable: e.g. a broker restart cost it a sequence number) dooms the
    // transaction instead of throwing: those records are void and come again after the
    // rollback at the next commit.
    bool send_or_doom(std::string_view topic, std::string_view key, std::string_view value,
                      const StopFlag& stop);

    TransactionalCheckpointerOptions options_;
    KafkaProducer producer_;
    RedisModelCopy copy_;
    LogLine log_;
    bool in_transaction_ = false;
    bool doomed_ = false; // the open transaction can only be aborted
    // The last commit, when Redis could not take it yet.
    struct Pending {
        std::vector<ModelSnapshot> models;
        OffsetBook book;
    };
    std::optional<Pending> redis_pending_;
};

} // namespace liveml::stream
