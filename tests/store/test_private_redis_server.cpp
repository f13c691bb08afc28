#include <gtest/gtest.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <sys/wait.h>
#include <unistd.h>

#include "bounded_wait.hpp"
#include "store/private_redis_server.hpp"
#include "store/redis_connection.hpp"
#include "store/redis_error.hpp"

using namespace liveml::store;
using namespace std::chrono_literals;

namespace {

// Gone or a zombie (reparented zombies wait for whatever reaps orphans here).
bool process_gone(pid_t pid) {
    if (::kill(pid, 0) != 0) return true;
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string line;
    std::getline(stat, line);
    const auto close = line.rfind(')');
    return close == std::string::npos || line.substr(close + 2, 1) == "Z";
}

} // namespace

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

TEST(PrivateRedisServer, DiesWithItsOwnerEvenOnKill9) {
    int report[2];
    ASSERT_EQ(::pipe(report), 0);
    const pid_t owner = ::fork();
    ASSERT_GE(owner, 0);
    if (owner == 0) { // the owner: start a server, report its pid and dir, wait to be killed
        ::close(report[0]);
        PrivateRedisServer server;
        const std::string message =
            std::to_string(server.pid()) + " " + server.data_dir().string() + "\n";
        [[maybe_unused]] const auto written = ::write(report[1], message.data(), message.size());
        ::pause();
        ::_exit(0);
    }
    ::close(report[1]);
    std::string message;
    char buffer[512];
    for (ssize_t n; (n = ::read(report[0], buffer, sizeof buffer)) > 0;) {
        message.append(buffer, static_cast<std::size_t>(n));
        if (message.back() == '\n') break;
    }
    ::close(report[0]);
    ::kill(owner, SIGKILL);
    ::waitpid(owner, nullptr, 0);
    ASSERT_FALSE(message.empty()) << "the owner could not start a server";
    const pid_t redis = std::stoi(message);
    const std::filesystem::path dir =
        message.substr(message.find(' ') + 1, message.size() - message.find(' ') - 2);

    EXPECT_TRUE(liveml::testing::wait_until([&] { return process_gone(redis); }, 5s, 10ms))
        << "redis-server " << redis << " outlived its owner";
    std::filesystem::remove_all(dir); // the owner had no chance to
}
