#include "stream/kraft_properties.hpp"

#include <cstdint>
#include <random>
#include <sstream>

namespace liveml::stream {

std::string kraft_server_properties(const KraftLayout& layout) {
    const std::string broker = "127.0.0.1:" + std::to_string(layout.broker_port);
    const std::string controller = "127.0.0.1:" + std::to_string(layout.controller_port);
    std::ostringstream out;
    out << "# Written by liveml broker at every start; edits are overwritten.\n"
        << "process.roles=broker,controller\n"
        << "node.id=1\n"
        << "controller.quorum.voters=1@" << controller << "\n"
        << "listeners=PLAINTEXT://" << broker << ",CONTROLLER://" << controller << "\n"
        << "advertised.listeners=PLAINTEXT://" << broker << "\n"
        << "controller.listener.names=CONTROLLER\n"
        << "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT\n"
        << "inter.broker.listener.name=PLAINTEXT\n"
        << "log.dirs=" << layout.log_dir.string() << "\n"
        << "num.partitions=" << layout.partitions
        << "\n"
        // One node: every internal topic with one replica, transactions committed with it.
        << "offsets.topic.replication.factor=1\n"
        << "offsets.topic.num.partitions=4\n"
        << "transaction.state.log.replication.factor=1\n"
        << "transaction.state.log.min.isr=1\n"
        << "transaction.state.log.num.partitions=4\n"
        << "min.insync.replicas=1\n"
        << "default.replication.factor=1\n"
        // A group's first member gets its partitions at once instead of after 3 s.
        << "group.initial.rebalance.delay.ms=0\n"
        // A desktop keeps a week, at most 256 MiB per partition, in 64 MiB segments.
        << "log.retention.hours=168\n"
        << "log.retention.bytes=268435456\n"
        << "log.segment.bytes=67108864\n"
        << "num.network.threads=2\n"
        << "num.io.threads=2\n"
        // Like the mock: a topic named by --topic/--sink-topic exists when first written, with
        // --partitions partitions; the pipeline's own come from CreateTopics.
        << "auto.create.topics.enable=true\n";
    return out.str();
}

std::string kraft_log4j_properties() {
    return "log4j.rootLogger=WARN, stdout\n"
           "log4j.appender.stdout=org.apache.log4j.ConsoleAppender\n"
           "log4j.appender.stdout.layout=org.apache.log4j.PatternLayout\n"
           "log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n\n"
           "log4j.logger.kafka.server.KafkaRaftServer=INFO\n"
           "log4j.logger.kafka.server.BrokerServer=INFO\n"
           "log4j.logger.kafka.server.ControllerServer=INFO\n";
}

std::string new_cluster_id() {
    static constexpr char kAlphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::random_device device;
    std::string id;
    // Like Kafka's Uuid.randomUuid: never one that starts with '-', which the storage tool's
    // argument parser would take for an option.
    while (id.empty() || id.front() == '-') {
        unsigned char bytes[16];
        for (auto& byte : bytes)
            byte = static_cast<unsigned char>(device());
        id.clear();
        std::uint32_t buffer = 0;
        int bits = 0;
        for (const unsigned char byte : bytes) {
            buffer = (buffer << 8) | byte;
            bits += 8;
            while (bits >= 6) {
                bits -= 6;
                id += kAlphabet[(buffer >> bits) & 63];
            }
        }
        if (bits > 0) id += kAlphabet[(buffer << (6 - bits)) & 63];
    }
    return id; // 22 characters
}

} // namespace liveml::stream
