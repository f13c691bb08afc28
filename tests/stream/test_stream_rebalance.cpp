// A second member joining the consumer group takes partitions away from the running trainer:
// it checkpoints model and offsets on revocation, so whoever resumes those partitions from its
// model key starts exactly where it stopped.
#include <gtest/gtest.h>

#include <csignal>

#include "online/model_file.hpp"
#include "store/checkpoint_store.hpp"
#include "store/private_redis_server.hpp"
#include "stream_harness.hpp"

using namespace liveml::stream::testing;

TEST(StreamRebalance, RevokedPartitionsAreCheckpointed) {
    const auto dir = scratch_dir("rebalance");
    Child broker(liveml_args({"broker", "--partitions", "4"}), dir / "broker");
    const std::string bootstrap = start_broker(broker);
    liveml::store::PrivateRedisServer redis;
    const std::string uri = redis.url().to_uri();
    // A long checkpoint interval: any checkpoint while it runs comes from the revocation.
    Child first(train_args(bootstrap, uri, {"--model-key", "model_a"}, "600"), dir / "train-a");
    Child producer(
        liveml_args({"produce", "--brokers", bootstrap, "--rate", "400", "--duration", "40"}),
        dir / "produce");
    ASSERT_TRUE(wait_for_progress(
        first, [](const TrainerProgress& p) { return p.samples_seen > 200; }, 60s))
        << first.err();

    Child second(train_args(bootstrap, uri, {"--model-key", "model_b"}), dir / "train-b");
    ASSERT_TRUE(wait_until(
        [&] { return first.err().find("(partitions revoked,") != std::string::npos; }, 40s))
        << first.err();
    ASSERT_TRUE(wait_until([&] { return second.err().find("assigned") != std::string::npos; }, 20s))
        << second.err();

    // The revocation checkpoint is in Redis: the model and the positions it had reached.
    liveml::store::RedisConnection connection(redis.url());
    const auto checkpoint = liveml::store::CheckpointStore(connection, "model_a").load();
    ASSERT_TRUE(checkpoint.has_value());
    EXPECT_GE(checkpoint->version, 1);
    std::int64_t offsets = 0;
    for (const auto& [field, next] : checkpoint->offsets)
        offsets += next;
    EXPECT_EQ(std::uint64_t(offsets),
              liveml::online::deserialize_model(checkpoint->model_bytes).model.samples_seen());
    EXPECT_GT(offsets, 200);

    producer.signal(SIGINT);
    second.signal(SIGTERM);
    first.signal(SIGTERM);
    EXPECT_EQ(first.wait(20s), 130) << first.err();
    EXPECT_EQ(second.wait(20s), 130) << second.err();
}
