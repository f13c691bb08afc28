// Faults on the real broker, with a producer running throughout: the trainer is killed (-9)
// twice mid-stream, then the broker is stopped and restarted on the same port and data folder.
// A read_committed reader of the sink sees every source position exactly once, the model has
// learned every record exactly once, and each restarted trainer got its partitions within 10 s
// (the dead member's 6 s session timeout, source_consumer.cpp). A trainer stopped with SIGTERM
// leaves the group on its way out, so its successor gets the partitions at once.
#include <gtest/gtest.h>

#include <csignal>
#include <map>

#include "common/free_port.hpp"
#include "online/model_file.hpp"
#include "store/checkpoint_store.hpp"
#include "store/private_redis_server.hpp"
#include "stream/snapshot_reader.hpp"
#include "stream_harness.hpp"

using namespace liveml::stream::testing;

namespace {

constexpr double kRestartBoundS = 10.0;
// Well under the 6 s a crashed member's session takes to expire: only a clean leave gets here.
constexpr double kHandOverBoundS = 4.0;

std::vector<std::string> broker_args(int port, const std::filesystem::path& data) {
    return liveml_args({"broker", "--engine", "kafka", "--port", std::to_string(port), "--data-dir",
                        data.string(), "--partitions", "4"});
}

} // namespace

TEST(StreamCrash, KillsAndABrokerRestartKeepEveryPositionExactlyOnce) {
    constexpr std::uint64_t kRecords = 15000;
    const auto dir = scratch_dir("crash");
    const int port = liveml::pick_free_port();
    auto broker = std::make_unique<Child>(broker_args(port, dir / "kafka"), dir / "broker-1");
    const std::string bootstrap = start_broker(*broker);
    liveml::store::PrivateRedisServer redis;
    const std::string uri = redis.url().to_uri();

    Child producer(
        liveml_args({"produce", "--brokers", bootstrap, "--rate", "600", "--count",
                     std::to_string(kRecords), "--producer-property", "enable.idempotence=true"}),
        dir / "produce");
    std::uint64_t killed_at = 0;
    for (int round = 1; round <= 2; ++round) {
        Child trainer(train_args(bootstrap, uri), dir / ("train-" + std::to_string(round)));
        const double wait_s = seconds_until_assigned(trainer, 60s);
        ASSERT_GE(wait_s, 0) << trainer.err();
        if (round > 1) {
            EXPECT_LE(wait_s, kRestartBoundS) << "restart after kill -9 waited " << wait_s << " s";
            std::cerr << "restart after kill -9 #" << round - 1 << ": partitions after " << wait_s
                      << " s\n";
        }
        ASSERT_TRUE(wait_for_progress(
            trainer,
            [&](const TrainerProgress& p) {
                return p.model_version >= 2 && p.samples_seen > killed_at + 1000;
            },
            60s))
            << trainer.err();
        TrainerProgress progress;
        latest_progress(trainer, progress);
        killed_at = progress.samples_seen;
        trainer.signal(SIGKILL);
        ASSERT_EQ(trainer.wait(10s), 128 + SIGKILL);
    }

    Child last(train_args(bootstrap, uri), dir / "train-3");
    const double wait_s = seconds_until_assigned(last, 60s);
    ASSERT_GE(wait_s, 0) << last.err();
    EXPECT_LE(wait_s, kRestartBoundS) << "restart after kill -9 waited " << wait_s << " s";
    std::cerr << "restart after kill -9 #2: partitions after " << wait_s << " s\n";

    // The broker goes away and comes back on the same port with the same data while the
    // producer and the trainer keep going.
    ASSERT_TRUE(wait_for_progress(
        last, [&](const TrainerProgress& p) { return p.samples_seen > killed_at + 500; }, 60s))
        << last.err();
    broker->signal(SIGTERM);
    ASSERT_EQ(broker->wait(30s), 0) << broker->err();
    broker = std::make_unique<Child>(broker_args(port, dir / "kafka"), dir / "broker-2");
    ASSERT_EQ(start_broker(*broker), bootstrap);

    ASSERT_EQ(producer.wait(120s), 0) << producer.err();
    const auto source = read_topic(bootstrap, "handwritten_digit", kRecords, 60s, 500ms);
    ASSERT_EQ(source.size(), kRecords) << "the idempotent producer wrote each record once";
    ASSERT_TRUE(wait_for_progress(
        last, [](const TrainerProgress& p) { return p.samples_seen >= kRecords; }, 90s))
        << last.err();
    last.signal(SIGTERM);
    ASSERT_EQ(last.wait(30s), 130) << last.err();

    // SIGTERM hands over: the successor is assigned at once and has nothing left to learn.
    Child successor(train_args(bootstrap, uri), dir / "train-4");
    const double handover_s = seconds_until_assigned(successor, 60s);
    ASSERT_GE(handover_s, 0) << successor.err();
    EXPECT_LE(handover_s, kHandOverBoundS) << "hand-over after SIGTERM took " << handover_s << " s";
    std::cerr << "hand-over after SIGTERM: partitions after " << handover_s << " s\n";
    TrainerProgress resumed;
    ASSERT_TRUE(wait_for_progress(
        successor, [](const TrainerProgress& p) { return p.samples_seen >= kRecords; }, 30s))
        << successor.err();
    successor.signal(SIGTERM);
    ASSERT_EQ(successor.wait(30s), 130) << successor.err();
    ASSERT_TRUE(latest_progress(successor, resumed));
    EXPECT_EQ(resumed.samples_seen, kRecords) << "the successor trained nothing twice";

    // The model learned each record once: in Redis (serving copy) and in Kafka (the truth).
    liveml::store::RedisConnection connection(redis.url());
    const auto checkpoint = liveml::store::CheckpointStore(connection).load();
    ASSERT_TRUE(checkpoint.has_value());
    EXPECT_EQ(liveml::online::deserialize_model(checkpoint->model_bytes).model.samples_seen(),
              kRecords);
    const auto snapshot = liveml::stream::read_latest_snapshot(
        {{"bootstrap.servers", bootstrap}}, "online_ml_model.checkpoints", "online_ml_model", 30s);
    ASSERT_TRUE(snapshot.has_value());
    EXPECT_EQ(liveml::online::deserialize_model(*snapshot).model.samples_seen(), kRecords);

    // Each source position exactly once in the committed sink.
    const auto sink = read_topic(bootstrap, "digit_predict", kRecords, 60s);
    std::map<std::string, int> seen;
    for (const auto& message : sink)
        ++seen[message.key];
    EXPECT_EQ(sink.size(), kRecords);
    for (const auto& message : source) {
        const auto key = std::to_string(message.partition) + ":" + std::to_string(message.offset);
        ASSERT_EQ(seen[key], 1) << "source position " << key;
    }
}
