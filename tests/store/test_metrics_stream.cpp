#include <gtest/gtest.h>

#include "store/metrics_stream.hpp"
#include "store/private_redis_server.hpp"

using namespace liveml::store;

TEST(MetricsStream, AppendsAndReadsBackInOrder) {
    PrivateRedisServer server;
    RedisConnection connection(server.url());
    MetricsStream stream(connection);
    EXPECT_EQ(stream.key(), "online_ml:metrics");
    EXPECT_TRUE(stream.latest(10).empty());
    std::vector<std::string> ids;
    for (int i = 0; i < 5; ++i) {
        ids.push_back(stream.append(R"({"samples_seen":)" + std::to_string(i) + "}"));
    }
    const auto latest = stream.latest(3);
    ASSERT_EQ(latest.size(), 3u);
    EXPECT_EQ(latest[0].json, R"({"samples_seen":2})");
    EXPECT_EQ(latest[2].json, R"({"samples_seen":4})");
    EXPECT_EQ(latest[2].id, ids[4]);

    const auto after = stream.after(ids[1], 10);
    ASSERT_EQ(after.size(), 3u);
    EXPECT_EQ(after.front().id, ids[2]);
    EXPECT_EQ(stream.after("", 2).size(), 2u);
    EXPECT_TRUE(stream.after(ids[4], 10).empty());
}

TEST(MetricsStream, IsCappedByMaxLen) {
    PrivateRedisServer server;
    RedisConnection connection(server.url());
    constexpr std::size_t kCap = 100;
    MetricsStream stream(connection, "test:metrics", kCap);
    for (int i = 0; i < 2000; ++i)
        stream.append(R"({"i":)" + std::to_string(i) + "}");
    // "~" trims whole radix-tree nodes (100 entries each by default), so allow one node extra.
    EXPECT_GE(stream.size(), kCap);
    EXPECT_LE(stream.size(), kCap + 100);
    const auto newest = stream.latest(1);
    ASSERT_EQ(newest.size(), 1u);
    EXPECT_EQ(newest[0].json, R"({"i":1999})");
}

TEST(MetricsStream, SkipsEntriesWithoutItsField) {
    PrivateRedisServer server;
    RedisConnection connection(server.url());
    connection.command({"XADD", "online_ml:metrics", "*", "other", "x"});
    MetricsStream stream(connection);
    stream.append("{}");
    const auto entries = stream.latest(10);
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries[0].json, "{}");
}
