#include "stream/committing_consumer.hpp"

#include <algorithm>
#include <map>

#include "common/log.hpp"

namespace liveml::stream {

CommittingConsumer::CommittingConsumer(CommittingConsumerOptions options) {
    KafkaProperties properties{{"group.id", options.group},
                               {"enable.auto.commit", "false"},
                               {"auto.offset.reset", "earliest"},
                               {"enable.partition.eof", "false"},
                               // A killed consumer's partitions are handed on after this.
                               {"session.timeout.ms", "6000"},
                               {"heartbeat.interval.ms", "1000"}};
    properties.insert(properties.end(), options.properties.begin(), options.properties.end());
    consumer_ = make_handle(RD_KAFKA_CONSUMER, make_conf(properties));
    rd_kafka_poll_set_consumer(consumer_.get());
    auto* topics = rd_kafka_topic_partition_list_new(1);
    rd_kafka_topic_partition_list_add(topics, options.topic.c_str(), RD_KAFKA_PARTITION_UA);
    const auto err = rd_kafka_subscribe(consumer_.get(), topics);
    rd_kafka_topic_partition_list_destroy(topics);
    if (err)
        throw KafkaError("cannot subscribe to " + options.topic + ": " + rd_kafka_err2str(err),
                         err);
}

CommittingConsumer::~CommittingConsumer() {
    close();
}

std::vector<ConsumedMessage> CommittingConsumer::poll_batch(std::size_t max,
                                                            std::chrono::milliseconds wait) {
    std::vector<ConsumedMessage> batch;
    int timeout = static_cast<int>(wait.count());
    while (batch.size() < max) {
        rd_kafka_message_t* message = rd_kafka_consumer_poll(consumer_.get(), timeout);
        char reason[512];
        if (const auto fatal = rd_kafka_fatal_error(consumer_.get(), reason, sizeof reason)) {
            if (message) rd_kafka_message_destroy(message);
            throw KafkaError(std::string("the consumer failed: ") + reason, fatal);
        }
        if (!message) break;
        if (message->err) {
            LogLine(LogLevel::Warning) << "consumer: " << rd_kafka_message_errstr(message);
        } else {
            batch.push_back(
                {rd_kafka_topic_name(message->rkt), message->partition, message->offset,
                 message->key
                     ? std::string(static_cast<const char*>(message->key), message->key_len)
                     : std::string(),
                 message->payload
                     ? std::string(static_cast<const char*>(message->payload), message->len)
                     : std::string()});
        }
        rd_kafka_message_destroy(message);
        timeout = 0; // the first message came: take only what is already here
    }
    return batch;
}

void CommittingConsumer::commit(const std::vector<ConsumedMessage>& done) {
    std::map<std::pair<std::string, std::int32_t>, std::int64_t> next;
    for (const auto& m : done) {
        auto& position = next[{m.topic, m.partition}];
        position = std::max(position, m.offset + 1);
    }
    if (next.empty()) return;
    auto* offsets = rd_kafka_topic_partition_list_new(static_cast<int>(next.size()));
    for (const auto& [where, offset] : next)
        rd_kafka_topic_partition_list_add(offsets, where.first.c_str(), where.second)->offset =
            offset;
    const auto err = rd_kafka_commit(consumer_.get(), offsets, 0);
    rd_kafka_topic_partition_list_destroy(offsets);
    if (err) throw KafkaError(std::string("offset commit failed: ") + rd_kafka_err2str(err), err);
}

bool CommittingConsumer::assigned() const {
    rd_kafka_topic_partition_list_t* partitions = nullptr;
    if (rd_kafka_assignment(consumer_.get(), &partitions) != RD_KAFKA_RESP_ERR_NO_ERROR)
        return false;
    const bool any = partitions->cnt > 0;
    rd_kafka_topic_partition_list_destroy(partitions);
    return any;
}

void CommittingConsumer::close() {
    if (closed_ || !consumer_) return;
    closed_ = true;
    rd_kafka_consumer_close(consumer_.get());
}

} // namespace liveml::stream
