#include <gtest/gtest.h>

#include <csignal>
#include <filesystem>

#include "store/private_redis_server.hpp"
#include "store/redis_connection.hpp"
#include "store/redis_error.hpp"

using namespace liveml::store;
using namespace std::chrono_literals;

TEST(PrivateRedisServer, StartsOnLoopbackWithPasswordAndCleansUp) {
    std::filesystem::path dir;
    pid_t pid = -1;
    {
        PrivateRedisServer server;
        dir = server.data_dir();
        pid = server.pid();
        ASSERT_GT(pid, 0);
        EXPECT_TRUE(std::filesystem::is_directory(dir));
        EXPECT_EQ(server.url().host, "127.0.0.1");
        EXPECT_GE(server.url().password.size(), 16u);

        RedisConnection connection(server.url());
        EXPECT_EQ(connection.command({"PING"}).as_string("ping"), "PONG");
        const auto save = connection.command({"CONFIG", "GET", "save"}).as_array("config");
        ASSERT_EQ(save.size(), 2u);
        EXPECT_EQ(save[1].text, "");
        const auto aof = connection.command({"CONFIG", "GET", "appendonly"}).as_array("config");
        EXPECT_EQ(aof[1].text, "no");
    }
    EXPECT_FALSE(std::filesystem::exists(dir));
    EXPECT_NE(::kill(pid, 0), 0) << "redis-server still running after the destructor";
}

TEST(PrivateRedisServer, TwoServersGetDifferentPortsAndPasswords) {
    PrivateRedisServer a;
    PrivateRedisServer b;
    EXPECT_NE(a.port(), b.port());
    EXPECT_NE(a.url().password, b.url().password);
    EXPECT_NE(a.data_dir(), b.data_dir());
}

TEST(PrivateRedisServer, RestartKeepsPortAndAppendOnlyData) {
    PrivateRedisOptions options;
    options.append_only = true;
    PrivateRedisServer server(options);
    const auto url = server.url();
    {
        RedisConnection connection(url);
        connection.command({"SET", "survivor", "yes"});
    }
    server.stop();
    EXPECT_FALSE(server.running());
    EXPECT_THROW(RedisConnection(url, {200ms, 200ms}), RedisError);
    server.restart();
    EXPECT_EQ(server.url(), url);
    RedisConnection connection(url);
    EXPECT_EQ(connection.command({"GET", "survivor"}).as_string("get"), "yes");
}

TEST(PrivateRedisServer, MissingExecutableIsAClearError) {
    PrivateRedisOptions options;
    options.executable = "no-such-redis-server-binary";
    try {
        PrivateRedisServer server(options);
        FAIL() << "started a server that does not exist";
    } catch (const RedisError& error) {
        EXPECT_EQ(error.kind(), RedisError::Kind::kProcess);
        EXPECT_NE(std::string(error.what()).find("not found on PATH"), std::string::npos);
    }
}
