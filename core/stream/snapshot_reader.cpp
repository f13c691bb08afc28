#include "stream/snapshot_reader.hpp"

#include <set>

namespace liveml::stream {

std::optional<std::string> read_latest_snapshot(const KafkaProperties& properties,
                                                const std::string& topic, const std::string& key,
                                                std::chrono::milliseconds timeout) {
    auto found = read_latest_snapshots(properties, topic, {key}, timeout);
    if (found.empty()) return std::nullopt;
    return std::move(found.begin()->second);
}

std::map<std::string, std::string> read_latest_snapshots(const KafkaProperties& properties,
                                                         const std::string& topic,
                                                         const std::vector<std::string>& keys,
                                                         std::chrono::milliseconds timeout) {
    KafkaProperties all{{"group.id", "liveml-snapshot-reader"},
                        {"enable.auto.commit", "false"},
                        {"enable.partition.eof", "true"},
                        {"isolation.level", "read_committed"},
                        {"fetch.wait.max.ms", "10"}};
    all.insert(all.end(), properties.begin(), properties.end());
    KafkaHandle consumer = make_handle(RD_KAFKA_CONSUMER, make_conf(all));
    rd_kafka_poll_set_consumer(consumer.get());

    KafkaTopic handle{rd_kafka_topic_new(consumer.get(), topic.c_str(), nullptr)};
    const rd_kafka_metadata_t* metadata = nullptr;
    const auto err = rd_kafka_metadata(consumer.get(), 0, handle.get(), &metadata,
                                       static_cast<int>(timeout.count()));
    if (err) throw KafkaError("cannot read " + topic + ": " + rd_kafka_err2str(err));
    const int partitions = metadata->topic_cnt == 1 && !metadata->topics[0].err
                               ? metadata->topics[0].partition_cnt
                               : 0;
    rd_kafka_metadata_destroy(metadata);
    if (partitions == 0) throw KafkaError("topic " + topic + " does not exist");

    auto* assignment = rd_kafka_topic_partition_list_new(partitions);
    for (int p = 0; p < partitions; ++p)
        rd_kafka_topic_partition_list_add(assignment, topic.c_str(), p)->offset =
            RD_KAFKA_OFFSET_BEGINNING;
    rd_kafka_assign(consumer.get(), assignment);
    rd_kafka_topic_partition_list_destroy(assignment);

    std::map<std::string, std::string> newest;
    const std::set<std::string> wanted(keys.begin(), keys.end());
    std::set<int> at_end;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (static_cast<int>(at_end.size()) < partitions) {
        if (std::chrono::steady_clock::now() >= deadline) {
            rd_kafka_consumer_close(consumer.get());
            throw KafkaError("could not read " + topic + " to its end in time");
        }
        rd_kafka_message_t* message = rd_kafka_consumer_poll(consumer.get(), 100);
        if (!message) continue;
        if (message->err == RD_KAFKA_RESP_ERR__PARTITION_EOF) {
            at_end.insert(message->partition);
        } else if (!message->err && message->key) {
            const std::string key(static_cast<const char*>(message->key), message->key_len);
            // A null value is a deletion (tombstone) of the key.
            if (wanted.contains(key) && message->payload)
                newest.insert_or_assign(
                    key, std::string(static_cast<const char*>(message->payload), message->len));
            else if (wanted.contains(key))
                newest.erase(key);
        }
        rd_kafka_message_destroy(message);
    }
    rd_kafka_consumer_close(consumer.get());
    return newest;
}

} // namespace liveml::stream
