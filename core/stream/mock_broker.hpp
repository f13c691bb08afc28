#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "stream/kafka_config.hpp"
#include "stream/tcp_forwarder.hpp"

struct rd_kafka_mock_cluster_s;

namespace liveml::stream {

struct MockBrokerOptions {
    int partitions = 4;
    // Clients cannot create topics on the mock (no CreateTopics), so the host process makes
    // every topic the pipeline uses up front.
    std::vector<std::string> topics;
    // 0: the mock's own OS-chosen port. Otherwise bootstrap() is 127.0.0.1:port, relayed to the
    // mock (see TcpForwarder).
    int port = 0;
};

// The topics of the pipeline: source, its dead-letter topic, sink, metrics.
std::vector<std::string> pipeline_topics();

// librdkafka's in-process mock cluster: a real Kafka-protocol listener on 127.0.0.1 at a port
// the OS picks (librdkafka 2.0.2 offers no way to choose it), optionally reachable for
// bootstrap on a chosen port too. Lives until destroyed.
class MockBroker {
  public:
    explicit MockBroker(MockBrokerOptions options); // throws KafkaError
    ~MockBroker();
    MockBroker(const MockBroker&) = delete;
    MockBroker& operator=(const MockBroker&) = delete;

    // "127.0.0.1:PORT" for bootstrap.servers.
    const std::string& bootstrap() const noexcept { return bootstrap_; }

  private:
    KafkaHandle host_; // the client instance the mock cluster is attached to
    rd_kafka_mock_cluster_s* cluster_ = nullptr;
    std::string bootstrap_;
    std::unique_ptr<TcpForwarder> forwarder_;
};

} // namespace liveml::stream
