// kill -9 of the trainer mid-stream, then a restart: the model has learned every produced
// record exactly once (its sample count), and the sink holds a prediction for every source
// record (records after the last checkpoint appear twice, same key: at-least-once sink).
#include <gtest/gtest.h>

#include <csignal>
#include <set>

#include "online/model_file.hpp"
#include "store/checkpoint_store.hpp"
#include "store/private_redis_server.hpp"
#include "stream_harness.hpp"

using namespace liveml::stream::testing;

TEST(StreamCrash, RestartAfterKillNeitherLosesNorDoubleTrains) {
    constexpr std::uint64_t kRecords = 12000;
    const auto dir = scratch_dir("crash");
    Child broker(liveml_args({"broker", "--partitions", "4"}), dir / "broker");
    const std::string bootstrap = start_broker(broker);
    liveml::store::PrivateRedisServer redis;
    const std::string uri = redis.url().to_uri();

    Child producer(liveml_args({"produce", "--brokers", bootstrap, "--rate", "1500", "--count",
                                std::to_string(kRecords)}),
                   dir / "produce");
    {
        Child first(train_args(bootstrap, uri), dir / "train-1");
        ASSERT_TRUE(wait_for_progress(
            first,
            [](const TrainerProgress& p) { return p.model_version >= 2 && p.samples_seen > 2000; },
            60s))
            << first.err();
        first.signal(SIGKILL);
        ASSERT_EQ(first.wait(10s), 128 + SIGKILL);
    }
    Child second(train_args(bootstrap, uri), dir / "train-2");
    ASSERT_EQ(producer.wait(60s), 0) << producer.err();
    ASSERT_TRUE(wait_for_progress(
        second, [](const TrainerProgress& p) { return p.samples_seen >= kRecords; }, 60s))
        << second.err();
    second.signal(SIGTERM);
    ASSERT_EQ(second.wait(20s), 130) << second.err();

    liveml::store::RedisConnection connection(redis.url());
    const auto checkpoint = liveml::store::CheckpointStore(connection).load();
    ASSERT_TRUE(checkpoint.has_value());
    EXPECT_EQ(liveml::online::deserialize_model(checkpoint->model_bytes).model.samples_seen(),
              kRecords);

    const auto sink = read_topic(bootstrap, "digit_predict", kRecords, 30s);
    std::set<std::string> keys;
    for (const auto& message : sink)
        keys.insert(message.key);
    EXPECT_GE(sink.size(), kRecords);
    EXPECT_EQ(keys.size(), kRecords) << "a prediction for every source record";
    const auto source = read_topic(bootstrap, "handwritten_digit", kRecords, 30s, 0ms);
    for (const auto& message : source)
        EXPECT_TRUE(
            keys.count(std::to_string(message.partition) + ":" + std::to_string(message.offset)));
}
