#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <string>

#include "stream/kafka_config.hpp"
#include "stream/offset_book.hpp"

namespace liveml::stream {

// Thrown when another trainer took over this trainer's identity (same model key): its
// consumer was fenced (static membership) or its transactional producer was.
class TakenOverError : public KafkaError {
  public:
    using KafkaError::KafkaError;
};

struct SourceConsumerOptions {
    KafkaProperties properties; // bootstrap.servers and the user's properties (applied last)
    std::string group;
    bool read_committed = true;
};

// The consumer of the source topic. Positions come from the OffsetBook (the model's own), never
// from the group's committed offsets: on every assignment it seeks there. Before partitions
// are taken away, `on_revoke` runs (the trainer checkpoints what it learned from them).
class SourceConsumer {
  public:
    SourceConsumer(SourceConsumerOptions options, const OffsetBook& book,
                   std::function<void()> on_revoke, std::function<void(const std::string&)> log);
    SourceConsumer(const SourceConsumer&) = delete;
    SourceConsumer& operator=(const SourceConsumer&) = delete;

    void subscribe();
    // A message or an error event (caller destroys it); nullptr when none arrived in time.
    // Throws TakenOverError when the group fenced this member (a user's group.instance.id
    // taken by another consumer), KafkaError for any other fatal consumer error.
    rd_kafka_message_t* poll(int timeout_ms);
    // Seeks every assigned partition back to the book's positions (after an aborted
    // transaction: the records since the last commit are consumed again).
    void rewind();
    // The book's positions of the partitions assigned now (for the transaction's offsets).
    rd_kafka_topic_partition_list_t* assigned_positions() const;
    // Per assigned partition ("topic:partition"), records not yet consumed.
    std::map<std::string, std::int64_t> lag() const;
    rd_kafka_t* handle() const noexcept { return consumer_.get(); }
    // Leaves the group (revoking: on_revoke runs once more).
    void close();

  private:
    static void on_rebalance(rd_kafka_t* rk, rd_kafka_resp_err_t err,
                             rd_kafka_topic_partition_list_t* partitions, void* opaque);
    void rebalance(rd_kafka_t* rk, rd_kafka_resp_err_t err,
                   rd_kafka_topic_partition_list_t* partitions);

    const OffsetBook& book_;
    std::function<void()> on_revoke_;
    std::function<void(const std::string&)> log_;
    KafkaHandle consumer_;
    bool closed_ = false;
};

} // namespace liveml::stream
