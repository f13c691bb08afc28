// The trainer's parts in-process, without `liveml` children: the source consumer seeks to the
// model's positions (not the group's), the at-least-once checkpointer round-trips model and
// positions through Redis, and the exactly-once one through a Kafka transaction, with Redis as
// the serving copy and the fallback for a model Kafka does not have. Mock broker for the first
// two; one Apache Kafka broker for the transactional ones.
#include <gtest/gtest.h>

#include <thread>

#include "online/model_file.hpp"
#include "store/checkpoint_store.hpp"
#include "store/private_redis_server.hpp"
#include "stream/kafka_broker.hpp"
#include "stream/kafka_producer.hpp"
#include "stream/mock_broker.hpp"
#include "stream/redis_checkpointer.hpp"
#include "stream/topics.hpp"
#include "stream/transactional_checkpointer.hpp"

using namespace std::chrono_literals;
using namespace liveml;
using namespace liveml::stream;

namespace {

const StopFlag kNever = [] { return false; };
const LogLine kQuiet = [](const std::string&) {};

void produce(const std::string& bootstrap, const std::string& topic, int partition, int count) {
    KafkaHandle producer =
        make_handle(RD_KAFKA_PRODUCER, make_conf({{"bootstrap.servers", bootstrap}}));
    for (int i = 0; i < count; ++i) {
        const std::string value = "record-" + std::to_string(i);
        ASSERT_EQ(rd_kafka_producev(producer.get(), RD_KAFKA_V_TOPIC(topic.c_str()),
                                    RD_KAFKA_V_PARTITION(partition),
                                    RD_KAFKA_V_VALUE(const_cast<char*>(value.data()), value.size()),
                                    RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END),
                  RD_KAFKA_RESP_ERR_NO_ERROR);
    }
    ASSERT_EQ(rd_kafka_flush(producer.get(), 10000), RD_KAFKA_RESP_ERR_NO_ERROR);
}

std::string model_bytes(std::uint64_t samples, const OffsetBook& book) {
    online::SgdClassifier model({}, {0, 1}, 2);
    for (std::uint64_t i = 0; i < samples; ++i)
        model.partial_fit(std::vector<double>{double(i % 2), 1.0}, int(i % 2));
    std::map<std::string, std::string> metadata{{"model_version", "1"}};
    book.write_metadata(metadata);
    return online::serialize_model(model, metadata);
}

} // namespace

TEST(SourceConsumer, SeeksToTheBooksPositionsNotTheGroups) {
    MockBroker broker({2, {"src"}});
    produce(broker.bootstrap(), "src", 0, 10);
    produce(broker.bootstrap(), "src", 1, 4);
    OffsetBook book("src");
    book.set_next(0, 7); // partition 1 has no position: from its beginning
    int revoked = 0;
    std::vector<std::string> lines;
    SourceConsumer consumer(
        {{{"bootstrap.servers", broker.bootstrap()}}, "parts", false}, book, [&] { ++revoked; },
        [&](const std::string& line) { lines.push_back(line); });
    consumer.subscribe();
    std::map<int, std::vector<std::int64_t>> offsets;
    const auto deadline = std::chrono::steady_clock::now() + 30s;
    while (offsets[0].size() + offsets[1].size() < 7 &&
           std::chrono::steady_clock::now() < deadline) {
        rd_kafka_message_t* message = consumer.poll(100);
        if (!message) continue;
        if (!message->err) offsets[message->partition].push_back(message->offset);
        rd_kafka_message_destroy(message);
    }
    EXPECT_EQ(offsets[0], (std::vector<std::int64_t>{7, 8, 9}));
    EXPECT_EQ(offsets[1], (std::vector<std::int64_t>{0, 1, 2, 3}));
    ASSERT_FALSE(lines.empty());
    EXPECT_NE(lines.front().find("src:0@7"), std::string::npos) << lines.front();

    book.set_next(1, 4);
    auto* positions = consumer.assigned_positions();
    EXPECT_EQ(positions->cnt, 2);
    rd_kafka_topic_partition_list_destroy(positions);
    consumer.close();
    EXPECT_EQ(revoked, 1) << "closing revokes: the trainer checkpoints once more";
}

TEST(RedisCheckpointer, CommitsEveryModelWithItsPositionsAndLoadsThemBack) {
    MockBroker broker({1, {"sink"}});
    store::PrivateRedisServer redis;
    store::ResilientRedis link(redis.url());
    RedisCheckpointer checkpointer(
        {{"bootstrap.servers", broker.bootstrap()}},
        RedisModelCopy(link, {"parts_model", "parts_model.other"}, "src"), kQuiet);
    std::map<std::string, ResumePoint> found;
    ASSERT_TRUE(checkpointer.load(kNever, found));
    EXPECT_TRUE(found.empty());

    OffsetBook book("src");
    book.set_next(0, 12);
    ASSERT_TRUE(checkpointer.send("sink", "0:11", "prediction", kNever));
    SourceConsumer consumer(
        {{{"bootstrap.servers", broker.bootstrap()}}, "parts", false}, book, [] {}, kQuiet);
    std::int64_t version = 0;
    const std::string bytes = model_bytes(12, book);
    const std::string other = model_bytes(5, book);
    EXPECT_EQ(checkpointer.commit({{"parts_model", bytes, 12}, {"parts_model.other", other, 5}},
                                  book, consumer, version, kNever),
              CommitResult::kCommitted);
    EXPECT_EQ(version, 1);

    ASSERT_TRUE(checkpointer.load(kNever, found));
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(found.at("parts_model").model_bytes, bytes);
    EXPECT_EQ(found.at("parts_model").version, 1);
    EXPECT_EQ(found.at("parts_model").book.next(0), 12);
    EXPECT_EQ(found.at("parts_model.other").model_bytes, other);
    EXPECT_EQ(found.at("parts_model.other").book.next(0), 12);
    EXPECT_EQ(std::string(checkpointer.guarantee()), "at-least-once");
}

class TransactionalCheckpointerTest : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        std::string why;
        const auto install = find_kafka_install(why);
        ASSERT_TRUE(install.has_value()) << why;
        KafkaBrokerOptions options;
        options.partitions = 2;
        options.topics = {{"src", 2, {}}, {"sink", 2, {}}, checkpoint_topic_spec()};
        broker_ = new KafkaBroker(*install, options);
    }
    static void TearDownTestSuite() {
        delete broker_;
        broker_ = nullptr;
    }

    TransactionalCheckpointerOptions options(const std::string& key) const {
        const KafkaProperties kafka{{"bootstrap.servers", broker_->bootstrap()}};
        return {kafka, kafka, "parts-" + key, std::string(kCheckpointTopic)};
    }

    static KafkaBroker* broker_; // one JVM for every test of the suite
};
KafkaBroker* TransactionalCheckpointerTest::broker_ = nullptr;

TEST_F(TransactionalCheckpointerTest, ACommitIsTheNextStartsResumePointAndReachesRedis) {
    ASSERT_NE(broker_, nullptr);
    store::PrivateRedisServer redis;
    store::ResilientRedis link(redis.url());
    OffsetBook book("src");
    std::int64_t version = 0;
    std::string bytes;
    std::string other;
    const std::vector<std::string> keys{"model_a", "model_a.other"};
    {
        TransactionalCheckpointer checkpointer(options("model_a"),
                                               RedisModelCopy(link, keys, "src"), kQuiet);
        std::map<std::string, ResumePoint> found;
        ASSERT_TRUE(checkpointer.load(kNever, found));
        EXPECT_TRUE(found.empty());
        SourceConsumer consumer(
            {{{"bootstrap.servers", broker_->bootstrap()}}, "parts-a", true}, book, [] {}, kQuiet);
        ASSERT_TRUE(checkpointer.send("sink", "0:0", "prediction", kNever));
        book.set_next(0, 1);
        bytes = model_bytes(1, book);
        other = model_bytes(3, book);
        EXPECT_EQ(checkpointer.commit({{"model_a", bytes, 1}, {"model_a.other", other, 3}}, book,
                                      consumer, version, kNever),
                  CommitResult::kCommitted);
        EXPECT_EQ(version, 1);
    }
    // Redis holds the serving copy; Kafka the truth, which a new trainer loads even when Redis
    // has lost it.
    {
        store::RedisConnection connection(redis.url());
        const auto copy = store::CheckpointStore(connection, "model_a").load();
        ASSERT_TRUE(copy.has_value());
        EXPECT_EQ(copy->model_bytes, bytes);
        const auto second = store::CheckpointStore(connection, "model_a.other").load();
        ASSERT_TRUE(second.has_value());
        EXPECT_EQ(second->model_bytes, other);
        connection.command({"DEL", "model_a", "model_a:offsets", "model_a:version", "model_a.other",
                            "model_a.other:offsets", "model_a.other:version"});
    }
    // Both snapshots were in the one transaction: both come back from Kafka.
    TransactionalCheckpointer next(options("model_a"), RedisModelCopy(link, keys, "src"), kQuiet);
    std::map<std::string, ResumePoint> found;
    ASSERT_TRUE(next.load(kNever, found));
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(found.at("model_a").model_bytes, bytes);
    EXPECT_EQ(found.at("model_a").version, 1);
    EXPECT_EQ(found.at("model_a").book.next(0), 1);
    EXPECT_NE(found.at("model_a").origin.find(std::string(kCheckpointTopic)), std::string::npos);
    EXPECT_EQ(found.at("model_a.other").model_bytes, other);
    EXPECT_EQ(found.at("model_a.other").book.next(0), 1);
}

TEST_F(TransactionalCheckpointerTest, AModelOnlyInRedisStillLoads) {
    ASSERT_NE(broker_, nullptr);
    store::PrivateRedisServer redis;
    OffsetBook book("src");
    book.set_next(1, 40);
    const std::string bytes = model_bytes(40, book);
    {
        store::RedisConnection connection(redis.url());
        store::CheckpointStore(connection, "model_b").save(bytes, book.to_map(), 40);
    }
    store::ResilientRedis link(redis.url());
    TransactionalCheckpointer checkpointer(options("model_b"),
                                           RedisModelCopy(link, {"model_b"}, "src"), kQuiet);
    std::map<std::string, ResumePoint> found;
    ASSERT_TRUE(checkpointer.load(kNever, found));
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found.at("model_b").model_bytes, bytes);
    EXPECT_EQ(found.at("model_b").book.next(1), 40);
    EXPECT_NE(found.at("model_b").origin.find("Redis"), std::string::npos);
}
