#include <gtest/gtest.h>

#include <vector>

#include "bounded_wait.hpp"

#include "store/checkpoint_store.hpp"
#include "store/private_redis_server.hpp"
#include "store/redis_error.hpp"
#include "store/redis_subscriber.hpp"
#include "store/resilient_redis.hpp"

using namespace liveml::store;
using namespace std::chrono_literals;

namespace {

ResilientOptions fast_options() {
    ResilientOptions options;
    options.timeouts = {200ms, 500ms};
    options.backoff = {20ms, 200ms, 2.0};
    return options;
}

} // namespace

TEST(ResilientRedis, ReportsLostWithoutBlockingAndRestoredAfterRestart) {
    PrivateRedisServer server;
    std::vector<RedisLinkState> changes;
    ResilientRedis redis(
        server.url(), fast_options(),
        [&](RedisLinkState state, const std::string&) { changes.push_back(state); });
    const auto checkpoint = [&](std::uint64_t samples) {
        return redis.run([&](RedisConnection& connection) {
            CheckpointStore(connection)
                .save("model", {{"t:0", static_cast<long long>(samples)}}, samples);
        });
    };
    EXPECT_EQ(redis.state(), RedisLinkState::kConnecting);
    ASSERT_TRUE(checkpoint(1));
    EXPECT_EQ(redis.state(), RedisLinkState::kConnected);

    server.stop();
    // A training loop calls this once per record: every call must come back fast.
    const auto start = std::chrono::steady_clock::now();
    int skipped = 0;
    for (int i = 0; i < 1000; ++i)
        skipped += checkpoint(2) ? 0 : 1;
    const auto elapsed = std::chrono::steady_clock::now() - start;
    EXPECT_EQ(skipped, 1000);
    EXPECT_LT(elapsed, 1s) << "1000 calls against a dead server took too long";
    EXPECT_EQ(redis.state(), RedisLinkState::kLost);
    EXPECT_FALSE(redis.last_error().empty());

    server.restart();
    ASSERT_TRUE(liveml::testing::wait_until([&] { return checkpoint(3); }, 3s, 10ms))
        << "no checkpoint within 3 s of the restart: " << redis.last_error();
    EXPECT_EQ(redis.state(), RedisLinkState::kConnected);
    // Each change reported once, however many calls failed in between.
    EXPECT_EQ(changes, (std::vector{RedisLinkState::kConnected, RedisLinkState::kLost,
                                    RedisLinkState::kConnected}));
    RedisConnection check(server.url());
    // The restarted server kept no data (no AOF): the post-outage checkpoint starts over.
    const auto loaded = CheckpointStore(check).load();
    ASSERT_TRUE(loaded.has_value());
    EXPECT_EQ(loaded->version, 1);
    EXPECT_EQ(loaded->offsets.at("t:0"), 3);
}

TEST(ResilientRedis, TemporaryServerRefusalIsAnOutageWithBackoff) {
    PrivateRedisServer server;
    RedisConnection admin(server.url());
    std::vector<RedisLinkState> changes;
    ResilientRedis redis(
        server.url(), fast_options(),
        [&](RedisLinkState state, const std::string&) { changes.push_back(state); });
    int attempts = 0;
    const auto write = [&] {
        return redis.run([&](RedisConnection& connection) {
            ++attempts;
            connection.command({"SET", "k", "v"});
        });
    };
    ASSERT_TRUE(write());
    // Over its memory limit, Redis refuses writes with OOM until memory is freed or raised.
    admin.command({"CONFIG", "SET", "maxmemory", "1"});
    EXPECT_FALSE(write());
    EXPECT_EQ(redis.state(), RedisLinkState::kLost);
    EXPECT_NE(redis.last_error().find("OOM"), std::string::npos) << redis.last_error();
    attempts = 0;
    for (int i = 0; i < 100; ++i)
        EXPECT_FALSE(write());
    EXPECT_LE(attempts, 1) << "retried inside the backoff delay";

    admin.command({"CONFIG", "SET", "maxmemory", "0"});
    EXPECT_TRUE(liveml::testing::wait_until(write, 2s, 5ms));
    EXPECT_EQ(changes, (std::vector{RedisLinkState::kConnected, RedisLinkState::kLost,
                                    RedisLinkState::kConnected}));
}

TEST(ResilientRedis, NonTransientErrorsAreRethrown) {
    PrivateRedisServer server;
    ResilientRedis redis(server.url(), fast_options());
    EXPECT_THROW(redis.run([](RedisConnection& c) { c.command({"NOSUCHCOMMAND"}); }), RedisError);
    EXPECT_EQ(redis.state(), RedisLinkState::kConnected);
}

TEST(ResilientRedis, WrongPasswordIsReportedAsLostAndRetried) {
    PrivateRedisServer server;
    RedisUrl url = server.url();
    url.password = "wrong";
    std::string detail;
    ResilientRedis redis(url, fast_options(),
                         [&](RedisLinkState, const std::string& why) { detail = why; });
    EXPECT_FALSE(redis.run([](RedisConnection&) {}));
    EXPECT_EQ(redis.state(), RedisLinkState::kLost);
    EXPECT_NE(detail.find("WRONGPASS"), std::string::npos) << detail;
}

TEST(RedisSubscriber, ReconnectsAfterAnOutageAndStopsPromptly) {
    PrivateRedisServer server;
    std::mutex mutex;
    std::vector<std::string> messages;
    std::vector<RedisLinkState> changes;
    auto subscriber = std::make_unique<RedisSubscriber>(
        server.url(), "chan",
        [&](const std::string& payload) {
            std::lock_guard lock(mutex);
            messages.push_back(payload);
        },
        [&](RedisLinkState state, const std::string&) {
            std::lock_guard lock(mutex);
            changes.push_back(state);
        },
        fast_options());
    ASSERT_TRUE(subscriber->wait_subscribed(5s));
    RedisConnection publisher(server.url());
    publisher.command({"PUBLISH", "chan", "one"});

    server.stop();
    ASSERT_TRUE(liveml::testing::wait_until(
        [&] { return subscriber->state() == RedisLinkState::kLost; }, 3s, 5ms));
    server.restart();
    ASSERT_TRUE(subscriber->wait_subscribed(5s));
    publisher.reconnect();
    publisher.command({"PUBLISH", "chan", "two"});
    liveml::testing::wait_until(
        [&] {
            std::lock_guard lock(mutex);
            return messages.size() == 2;
        },
        3s, 5ms);

    const auto start = std::chrono::steady_clock::now();
    subscriber.reset();
    EXPECT_LT(std::chrono::steady_clock::now() - start, 500ms);
    EXPECT_EQ(messages, (std::vector<std::string>{"one", "two"}));
    EXPECT_EQ(changes, (std::vector{RedisLinkState::kConnected, RedisLinkState::kLost,
                                    RedisLinkState::kConnected}));
}
