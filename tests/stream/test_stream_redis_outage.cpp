// redis-server stops during training and comes back: the trainer keeps training meanwhile,
// reports the outage in its metrics, and checkpoints again once Redis is back.
#include <gtest/gtest.h>

#include <csignal>

#include "online/model_file.hpp"
#include "store/checkpoint_store.hpp"
#include "store/private_redis_server.hpp"
#include "stream_harness.hpp"

using namespace liveml::stream::testing;

TEST(StreamRedisOutage, TrainingContinuesAndCheckpointsResume) {
    constexpr std::uint64_t kRecords = 8000;
    const auto dir = scratch_dir("outage");
    Child broker(liveml_args({"broker", "--partitions", "2"}), dir / "broker");
    const std::string bootstrap = start_broker(broker);
    liveml::store::PrivateRedisOptions options;
    options.append_only = true;
    liveml::store::PrivateRedisServer redis(options);
    Child trainer(train_args(bootstrap, redis.url().to_uri()), dir / "train");
    Child producer(liveml_args({"produce", "--brokers", bootstrap, "--rate", "800", "--count",
                                std::to_string(kRecords)}),
                   dir / "produce");

    ASSERT_TRUE(wait_for_progress(
        trainer, [](const TrainerProgress& p) { return p.model_version >= 1; }, 60s))
        << trainer.err();
    redis.stop();
    TrainerProgress at_outage;
    ASSERT_TRUE(wait_for_progress(
        trainer, [](const TrainerProgress& p) { return p.redis == "lost"; }, 20s))
        << trainer.err();
    ASSERT_TRUE(latest_progress(trainer, at_outage));
    ASSERT_TRUE(wait_for_progress(
        trainer,
        [&](const TrainerProgress& p) {
            return p.redis == "lost" && p.samples_seen > at_outage.samples_seen + 500;
        },
        20s))
        << "training went on without Redis\n"
        << trainer.err();

    redis.restart();
    ASSERT_TRUE(wait_for_progress(
        trainer,
        [&](const TrainerProgress& p) {
            return p.redis == "connected" && p.model_version > at_outage.model_version;
        },
        30s))
        << trainer.err();
    ASSERT_EQ(producer.wait(60s), 0) << producer.err();
    ASSERT_TRUE(wait_for_progress(
        trainer, [](const TrainerProgress& p) { return p.samples_seen >= kRecords; }, 30s));
    trainer.signal(SIGTERM);
    ASSERT_EQ(trainer.wait(20s), 130) << trainer.err();

    liveml::store::RedisConnection connection(redis.url());
    const auto checkpoint = liveml::store::CheckpointStore(connection).load();
    ASSERT_TRUE(checkpoint.has_value());
    EXPECT_EQ(liveml::online::deserialize_model(checkpoint->model_bytes).model.samples_seen(),
              kRecords);
    EXPECT_NE(trainer.err().find("redis lost"), std::string::npos);
}
