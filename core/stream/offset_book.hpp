#pragma once
#include <librdkafka/rdkafka.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "store/checkpoint_store.hpp"

namespace liveml::stream {

// The trainer's positions in its source topic: per partition, the next offset the model has
// not learned. They travel with the model (Redis hash, snapshot metadata, the transaction's
// consumer offsets) and never come from the consumer group on their own.
class OffsetBook {
  public:
    explicit OffsetBook(std::string topic) : topic_(std::move(topic)) {}

    const std::string& topic() const noexcept { return topic_; }
    // -1: no position yet (start at the beginning).
    std::int64_t next(int partition) const noexcept;
    void set_next(int partition, std::int64_t offset);
    bool empty() const noexcept;

    // "topic:partition" → offset, for Redis; fields of other topics are ignored on reading.
    store::OffsetMap to_map() const;
    static OffsetBook from_map(std::string topic, const store::OffsetMap& map);

    // As model metadata: "offset:topic:partition" → decimal offset.
    void write_metadata(std::map<std::string, std::string>& metadata) const;
    static OffsetBook from_metadata(std::string topic,
                                    const std::map<std::string, std::string>& metadata);

    // Every known position, for send_offsets_to_transaction or seeking. Caller destroys it.
    rd_kafka_topic_partition_list_t* to_partition_list() const;

  private:
    std::string topic_;
    std::vector<std::int64_t> next_; // index: partition
};

} // namespace liveml::stream
