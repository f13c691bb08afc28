#include "stream/mock_broker.hpp"

#include <librdkafka/rdkafka_mock.h>

#include "stream/topics.hpp"

namespace liveml::stream {

std::vector<std::string> pipeline_topics() {
    return {std::string(kSourceTopic), dead_letter_topic(kSourceTopic), std::string(kSinkTopic),
            std::string(kMetricsTopic)};
}

MockBroker::MockBroker(MockBrokerOptions options) {
    if (options.partitions < 1 || options.partitions > 1000)
        throw KafkaError("partitions must be 1..1000, got " + std::to_string(options.partitions));
    // The host client never connects anywhere; it only owns the mock's threads.
    host_ = make_handle(RD_KAFKA_PRODUCER, make_conf({{"log_level", "3"}}));
    cluster_ = rd_kafka_mock_cluster_new(host_.get(), 1);
    if (!cluster_) throw KafkaError("librdkafka could not start its mock cluster");
    for (const auto& topic : options.topics) {
        const auto err = rd_kafka_mock_topic_create(cluster_, topic.c_str(), options.partitions, 1);
        if (err) {
            rd_kafka_mock_cluster_destroy(cluster_);
            throw KafkaError("cannot create topic " + topic + ": " + rd_kafka_err2str(err));
        }
    }
    bootstrap_ = rd_kafka_mock_cluster_bootstraps(cluster_);
    if (options.port != 0) {
        const auto colon = bootstrap_.rfind(':');
        try {
            forwarder_ = std::make_unique<TcpForwarder>(options.port,
                                                        std::stoi(bootstrap_.substr(colon + 1)));
        } catch (const std::exception& e) {
            rd_kafka_mock_cluster_destroy(cluster_);
            throw KafkaError(std::string("broker port: ") + e.what());
        }
        bootstrap_ = "127.0.0.1:" + std::to_string(options.port);
    }
}

MockBroker::~MockBroker() {
    rd_kafka_mock_cluster_destroy(cluster_);
}

} // namespace liveml::stream
