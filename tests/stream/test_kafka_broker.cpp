// The Apache Kafka engine in-process (core/stream KafkaBroker): its configuration, a clear
// sentence when Java or the jars are missing, and a restart on the same port and data folder
// that brings topics and records back. One broker start per test: a JVM start costs seconds.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "common/free_port.hpp"
#include "stream/kafka_broker.hpp"
#include "stream/kafka_producer.hpp"
#include "stream/kraft_properties.hpp"
#include "stream/snapshot_reader.hpp"
#include "stream/topics.hpp"

using namespace std::chrono_literals;
namespace fs = std::filesystem;
using namespace liveml::stream;

TEST(KraftProperties, OneNodeWithLoopbackListenersAndSingleReplicaInternals) {
    const auto text = kraft_server_properties({"/data/kraft", 19092, 19093, 3});
    for (const char* line :
         {"process.roles=broker,controller\n", "controller.quorum.voters=1@127.0.0.1:19093\n",
          "listeners=PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093\n",
          "advertised.listeners=PLAINTEXT://127.0.0.1:19092\n", "log.dirs=/data/kraft\n",
          "num.partitions=3\n", "transaction.state.log.replication.factor=1\n",
          "transaction.state.log.min.isr=1\n", "offsets.topic.replication.factor=1\n",
          "group.initial.rebalance.delay.ms=0\n"})
        EXPECT_NE(text.find(line), std::string::npos) << line;
}

TEST(KraftProperties, ClusterIdsAreKafkasBase64UrlUuids) {
    const auto a = new_cluster_id();
    const auto b = new_cluster_id();
    EXPECT_EQ(a.size(), 22u);
    EXPECT_NE(a, b);
    EXPECT_EQ(
        a.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
        std::string::npos);
    // One in 64 random ids would start with '-', which kafka-storage's parser takes for an
    // option: none may.
    for (int i = 0; i < 2000; ++i)
        ASSERT_NE(new_cluster_id().front(), '-');
}

TEST(KafkaInstall, MissingJarsNameTheInstallScript) {
    const char* saved = std::getenv("LIVEML_KAFKA_LIBS");
    const std::string previous = saved ? saved : "";
    ::setenv("LIVEML_KAFKA_LIBS", "/nonexistent/liveml-kafka-libs", 1);
    std::string why;
    EXPECT_FALSE(find_kafka_install(why).has_value());
    EXPECT_NE(why.find("scripts/install-kafka.sh"), std::string::npos) << why;
    if (saved)
        ::setenv("LIVEML_KAFKA_LIBS", previous.c_str(), 1);
    else
        ::unsetenv("LIVEML_KAFKA_LIBS");
}

TEST(KafkaBroker, RestartOnTheSamePortAndFolderBringsTopicsAndRecordsBack) {
    std::string why;
    const auto install = find_kafka_install(why);
    ASSERT_TRUE(install.has_value()) << why;
    const auto data =
        fs::temp_directory_path() / ("liveml-kafka-test-" + std::to_string(::getpid()));
    fs::remove_all(data);
    const int port = liveml::pick_free_port();
    std::vector<std::string> stages;
    auto options = [&] {
        KafkaBrokerOptions o;
        o.data_dir = data;
        o.port = port;
        o.partitions = 2;
        o.topics = {{"records", 2, {}}, checkpoint_topic_spec()};
        o.progress = [&](std::string_view stage) { stages.emplace_back(stage); };
        return o;
    };
    {
        KafkaBroker broker(*install, options());
        EXPECT_EQ(broker.bootstrap(), "127.0.0.1:" + std::to_string(port));
        EXPECT_TRUE(fs::exists(data / "kraft" / "meta.properties"));
        KafkaProducer producer({{"bootstrap.servers", broker.bootstrap()}});
        ASSERT_TRUE(producer.send(kCheckpointTopic, "model-a", "first", [] { return false; }));
        ASSERT_TRUE(producer.send(kCheckpointTopic, "model-a", "second", [] { return false; }));
        ASSERT_TRUE(producer.send(kCheckpointTopic, "model-b", "other", [] { return false; }));
        ASSERT_TRUE(producer.flush(20s));
        EXPECT_EQ(producer.delivered(), 3u);
    }
    ASSERT_NE(std::find(stages.begin(), stages.end(), "formatting new storage in " + data.string()),
              stages.end());
    stages.clear();
    {
        KafkaBroker broker(*install, options());
        for (const auto& stage : stages)
            EXPECT_EQ(stage.find("formatting"), std::string::npos) << "formatted only once";
        const auto newest = read_latest_snapshot({{"bootstrap.servers", broker.bootstrap()}},
                                                 std::string(kCheckpointTopic), "model-a", 30s);
        ASSERT_TRUE(newest.has_value());
        EXPECT_EQ(*newest, "second");
        EXPECT_FALSE(read_latest_snapshot({{"bootstrap.servers", broker.bootstrap()}},
                                          std::string(kCheckpointTopic), "model-c", 30s)
                         .has_value());
        broker.stop();
        EXPECT_FALSE(broker.running());
    }
    fs::remove_all(data);
}
