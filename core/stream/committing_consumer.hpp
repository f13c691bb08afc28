#pragma once
// A group consumer whose offsets are committed only when the caller says its work is done
// (at-least-once: what was consumed but not committed is consumed again after a restart). The
// group's committed offsets are the only position; for consumers whose effects are idempotent
// (bucket-event ingest), unlike the trainer's SourceConsumer, which keeps its own OffsetBook.
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "stream/kafka_config.hpp"

namespace liveml::stream {

struct ConsumedMessage {
    std::string topic;
    std::int32_t partition = 0;
    std::int64_t offset = 0;
    std::string key;
    std::string value;
};

struct CommittingConsumerOptions {
    KafkaProperties properties; // bootstrap.servers and the user's properties (applied last)
    std::string group;
    std::string topic;
};

class CommittingConsumer {
  public:
    // Subscribes to the topic. Throws KafkaError.
    explicit CommittingConsumer(CommittingConsumerOptions options);
    ~CommittingConsumer();
    CommittingConsumer(const CommittingConsumer&) = delete;
    CommittingConsumer& operator=(const CommittingConsumer&) = delete;

    // Up to max messages: waits at most `wait` for the first, then takes what has arrived.
    // Transient errors (broker down) are logged and return what there is; throws KafkaError
    // when the client failed for good.
    std::vector<ConsumedMessage> poll_batch(std::size_t max, std::chrono::milliseconds wait);
    // Commits, synchronously, the positions just after these messages. Throws KafkaError
    // (e.g. the partitions were reassigned meanwhile: their new owner processes them again).
    void commit(const std::vector<ConsumedMessage>& done);
    // True once the group has given this consumer partitions (a new or restarted member
    // waits for the rebalance, up to a session timeout after a killed predecessor).
    bool assigned() const;
    // Leaves the group (without committing).
    void close();

  private:
    KafkaHandle consumer_;
    bool closed_ = false;
};

} // namespace liveml::stream
