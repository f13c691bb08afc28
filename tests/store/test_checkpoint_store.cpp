#include <gtest/gtest.h>

#include <condition_variable>
#include <mutex>

#include "store/checkpoint_store.hpp"
#include "store/private_redis_server.hpp"
#include "store/redis_error.hpp"
#include "store/redis_subscriber.hpp"

using namespace liveml::store;
using namespace std::chrono_literals;

TEST(CheckpointStore, EmptyStoreHasNoCheckpoint) {
    PrivateRedisServer server;
    RedisConnection connection(server.url());
    EXPECT_FALSE(CheckpointStore(connection).load().has_value());
}

TEST(CheckpointStore, RoundTripsModelOffsetsAndIncrementsVersion) {
    PrivateRedisServer server;
    RedisConnection connection(server.url());
    CheckpointStore store(connection);
    EXPECT_EQ(store.model_key(), "online_ml_model");

    const std::string model("LIVEMLM\0binary\xff", 15);
    EXPECT_EQ(store.save(model,
                         {{offset_field("handwritten_digit", 0), 10},
                          {offset_field("handwritten_digit", 1), 7}},
                         17),
              1);
    auto loaded = store.load();
    ASSERT_TRUE(loaded.has_value());
    EXPECT_EQ(loaded->model_bytes, model);
    EXPECT_EQ(loaded->version, 1);
    EXPECT_EQ(loaded->offsets,
              (OffsetMap{{"handwritten_digit:0", 10}, {"handwritten_digit:1", 7}}));

    // A later checkpoint that covers only partition 1 keeps partition 0's position.
    EXPECT_EQ(store.save("model-v2", {{"handwritten_digit:1", 42}}, 52), 2);
    loaded = store.load();
    ASSERT_TRUE(loaded.has_value());
    EXPECT_EQ(loaded->model_bytes, "model-v2");
    EXPECT_EQ(loaded->version, 2);
    EXPECT_EQ(loaded->offsets,
              (OffsetMap{{"handwritten_digit:0", 10}, {"handwritten_digit:1", 42}}));

    // The raw layout is what docs/redis.md promises.
    EXPECT_EQ(connection.command({"GET", "online_ml_model:version"}).as_string("v"), "2");
    EXPECT_EQ(connection.command({"HGET", "online_ml_model:offsets", "handwritten_digit:1"})
                  .as_string("o"),
              "42");
}

TEST(CheckpointStore, KeysAreSeparatePerModelKey) {
    PrivateRedisServer server;
    RedisConnection connection(server.url());
    CheckpointStore a(connection, "model_a");
    CheckpointStore b(connection, "model_b");
    a.save("A", {}, 1);
    a.save("A2", {}, 2);
    EXPECT_EQ(b.save("B", {}, 1), 1);
    EXPECT_EQ(a.load()->version, 2);
    EXPECT_EQ(b.load()->model_bytes, "B");
}

TEST(CheckpointStore, WrongTypeIsRejectedBeforeWritingAnything) {
    PrivateRedisServer server;
    RedisConnection connection(server.url());
    connection.command({"SET", "online_ml_model:offsets", "not a hash"});
    CheckpointStore store(connection);
    EXPECT_THROW(store.save("model", {{"t:0", 1}}, 1), RedisError);
    EXPECT_TRUE(connection.command({"GET", "online_ml_model"}).is_nil());
    EXPECT_TRUE(connection.command({"GET", "online_ml_model:version"}).is_nil());
    EXPECT_THROW(store.load(), RedisError);
}

TEST(CheckpointStore, RefusedTransactionIsTransientAndWritesNothing) {
    PrivateRedisServer server;
    RedisConnection connection(server.url());
    CheckpointStore store(connection);
    store.save("v1", {{"t:0", 1}}, 1);
    connection.command({"CONFIG", "SET", "maxmemory", "1"}); // writes now refused with OOM
    try {
        store.save("v2", {{"t:0", 2}}, 2);
        FAIL() << "checkpoint accepted by a server out of memory";
    } catch (const RedisError& error) {
        EXPECT_EQ(error.server_code(), "OOM") << error.what();
        EXPECT_TRUE(error.transient()) << error.what();
    }
    connection.command({"CONFIG", "SET", "maxmemory", "0"});
    const auto loaded = store.load();
    ASSERT_TRUE(loaded.has_value());
    EXPECT_EQ(loaded->model_bytes, "v1");
    EXPECT_EQ(loaded->version, 1);
    EXPECT_EQ(store.save("v2", {{"t:0", 2}}, 2), 2) << "a stale WATCH or MULTI was left behind";
}

TEST(CheckpointStore, NotificationArrivesOnlyWhenTheDataIsReadable) {
    PrivateRedisServer server;
    RedisConnection writer(server.url());
    CheckpointStore store(writer, "digits");

    // On every notice, read the checkpoint on a third connection and record what it holds.
    RedisConnection reader(server.url());
    std::mutex mutex;
    std::condition_variable arrived;
    std::vector<std::pair<CheckpointNotice, std::int64_t>> seen; // notice, version read then
    RedisSubscriber subscriber(server.url(), store.updates_channel(),
                               [&](const std::string& payload) {
                                   const auto notice = CheckpointNotice::from_json(payload);
                                   const auto loaded = CheckpointStore(reader, "digits").load();
                                   std::lock_guard lock(mutex);
                                   seen.emplace_back(notice, loaded ? loaded->version : -1);
                                   arrived.notify_all();
                               });
    ASSERT_TRUE(subscriber.wait_subscribed(5s));

    constexpr int kCheckpoints = 20;
    for (int i = 1; i <= kCheckpoints; ++i) {
        store.save("model " + std::to_string(i), {{"t:0", i * 100}}, static_cast<unsigned>(i * 10));
    }
    std::unique_lock lock(mutex);
    ASSERT_TRUE(arrived.wait_for(lock, 5s, [&] { return seen.size() == kCheckpoints; }))
        << "got " << seen.size() << " notices";
    for (std::size_t i = 0; i < seen.size(); ++i) {
        const auto& [notice, version_read] = seen[i];
        EXPECT_EQ(notice.key, "digits");
        EXPECT_EQ(notice.version, static_cast<std::int64_t>(i + 1));
        EXPECT_EQ(notice.samples_seen, (i + 1) * 10);
        EXPECT_GT(notice.ts_ms, 0);
        // The data of version N (or newer) is already there when notice N arrives.
        EXPECT_GE(version_read, notice.version);
    }
}

TEST(CheckpointNotice, ParsesItsOwnJsonAndRejectsOthers) {
    const CheckpointNotice notice{"k", 3, 1234, 1700000000000};
    const auto parsed = CheckpointNotice::from_json(notice.to_json());
    EXPECT_EQ(parsed.key, "k");
    EXPECT_EQ(parsed.version, 3);
    EXPECT_EQ(parsed.samples_seen, 1234u);
    EXPECT_EQ(parsed.ts_ms, 1700000000000);
    for (const char* bad : {"", "nope", "[]", R"({"key":1,"version":1,"samples_seen":1,"ts_ms":1})",
                            R"({"key":"k","version":"1","samples_seen":1,"ts_ms":1})",
                            R"({"key":"k","version":1,"samples_seen":-1,"ts_ms":1})",
                            R"({"key":"k","version":1,"samples_seen":1})"}) {
        EXPECT_THROW(CheckpointNotice::from_json(bad), RedisError) << bad;
    }
}
