#pragma once
#include <chrono>
#include <string>
#include <vector>

#include "stream/kafka_config.hpp"

namespace liveml::stream {

struct TopicSpec {
    std::string name;
    int partitions = 1;
    KafkaProperties configs; // topic-level settings such as cleanup.policy=compact
};

// The compacted topic of model snapshots (one partition: a reader finds the newest snapshot of
// a key by reading one log).
TopicSpec checkpoint_topic_spec();

// Creates, through the Admin API (CreateTopics), every topic that does not exist yet; existing
// ones are left as they are. `client` is any connected librdkafka handle. Throws KafkaError
// naming the topic and the broker's reason (the mock broker does not support CreateTopics).
void create_topics(rd_kafka_t* client, const std::vector<TopicSpec>& topics,
                   std::chrono::milliseconds timeout);

} // namespace liveml::stream
