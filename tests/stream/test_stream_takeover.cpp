// Two trainers on one model key must not both train. The second one takes over: its consumer
// joins with the same group.instance.id and its producer with the same transactional.id, which
// fences the first; the first stops with a clear message (exit 1) and whatever it had not
// committed is aborted. The sink still holds each source position exactly once.
#include <gtest/gtest.h>

#include <csignal>
#include <map>

#include "store/private_redis_server.hpp"
#include "stream_harness.hpp"

using namespace liveml::stream::testing;

TEST(StreamTakeover, ASecondTrainerOnTheSameModelKeyFencesTheFirst) {
    constexpr std::uint64_t kRecords = 6000;
    const auto dir = scratch_dir("takeover");
    Child broker(liveml_args({"broker", "--engine", "kafka", "--partitions", "2"}), dir / "broker");
    const std::string bootstrap = start_broker(broker);
    liveml::store::PrivateRedisServer redis;
    const std::string uri = redis.url().to_uri();
    Child producer(liveml_args({"produce", "--brokers", bootstrap, "--rate", "800", "--count",
                                std::to_string(kRecords)}),
                   dir / "produce");

    Child first(train_args(bootstrap, uri), dir / "train-1");
    ASSERT_TRUE(wait_for_progress(
        first, [](const TrainerProgress& p) { return p.model_version >= 2; }, 60s))
        << first.err();
    Child second(train_args(bootstrap, uri), dir / "train-2");
    EXPECT_EQ(first.wait(30s), 1) << first.err();
    EXPECT_NE(first.err().find("took over"), std::string::npos) << first.err();

    ASSERT_EQ(producer.wait(60s), 0) << producer.err();
    ASSERT_TRUE(wait_for_progress(
        second, [](const TrainerProgress& p) { return p.samples_seen >= kRecords; }, 60s))
        << second.err();
    second.signal(SIGTERM);
    ASSERT_EQ(second.wait(30s), 130) << second.err();

    TrainerProgress final_progress;
    ASSERT_TRUE(latest_progress(second, final_progress));
    EXPECT_EQ(final_progress.samples_seen, kRecords);
    const auto sink = read_topic(bootstrap, "digit_predict", kRecords, 60s);
    std::map<std::string, int> seen;
    for (const auto& message : sink)
        ++seen[message.key];
    EXPECT_EQ(sink.size(), kRecords);
    EXPECT_EQ(seen.size(), kRecords);
}
