#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "store/private_redis_server.hpp"
#include "store/redis_connection.hpp"
#include "store/redis_error.hpp"

using namespace liveml::store;
using namespace std::chrono_literals;

namespace {

RedisError::Kind connect_error_kind(const RedisUrl& url, std::string* message) {
    try {
        RedisConnection connection(url, {500ms, 500ms});
    } catch (const RedisError& error) {
        *message = error.what();
        return error.kind();
    }
    ADD_FAILURE() << "connected to " << url.to_string();
    return RedisError::Kind::kProtocol;
}

} // namespace

TEST(RedisConnection, MissingPasswordIsAnAuthErrorThatSaysWhatToDo) {
    PrivateRedisServer server;
    RedisUrl url = server.url();
    url.password.clear();
    std::string message;
    EXPECT_EQ(connect_error_kind(url, &message), RedisError::Kind::kAuth);
    EXPECT_NE(message.find("NOAUTH"), std::string::npos) << message;
    EXPECT_NE(message.find("redis://:PASSWORD@"), std::string::npos) << message;
}

TEST(RedisConnection, WrongPasswordIsAnAuthErrorWithoutThePassword) {
    PrivateRedisServer server;
    RedisUrl url = server.url();
    url.password = "definitely-wrong";
    std::string message;
    EXPECT_EQ(connect_error_kind(url, &message), RedisError::Kind::kAuth);
    EXPECT_EQ(message.find("definitely-wrong"), std::string::npos) << message;
    EXPECT_NE(message.find(url.to_string()), std::string::npos) << message;
}

TEST(RedisConnection, RefusedConnectionIsATransientConnectionError) {
    int port = 0;
    {
        PrivateRedisServer server;
        port = server.port();
    } // stopped: nothing listens there now
    RedisUrl url;
    url.port = port;
    std::string message;
    EXPECT_EQ(connect_error_kind(url, &message), RedisError::Kind::kConnection);
    EXPECT_NE(message.find("127.0.0.1:" + std::to_string(port)), std::string::npos) << message;
}

TEST(RedisConnection, SelectsTheUrlsDatabase) {
    PrivateRedisServer server;
    RedisUrl db5 = server.url();
    db5.db = 5;
    RedisConnection five(db5);
    five.command({"SET", "where", "five"});
    RedisConnection zero(server.url());
    EXPECT_TRUE(zero.command({"GET", "where"}).is_nil());
    EXPECT_EQ(five.command({"GET", "where"}).as_string("get"), "five");

    RedisUrl db99 = server.url();
    db99.db = 99; // the default server has 16 databases
    std::string message;
    EXPECT_EQ(connect_error_kind(db99, &message), RedisError::Kind::kServer);
    EXPECT_NE(message.find("SELECT"), std::string::npos) << message;
}

TEST(RedisConnection, IsBinarySafeAndChecksReplyTypes) {
    PrivateRedisServer server;
    RedisConnection connection(server.url());
    const std::string bytes("a\0b\r\n\xff", 6);
    connection.command({"SET", "bin", bytes});
    EXPECT_EQ(connection.command({"GET", "bin"}).as_string("get"), bytes);
    EXPECT_EQ(connection.command({"INCR", "n"}).as_integer("incr"), 1);
    try {
        (void)connection.command({"GET", "bin"}).as_integer("reading n");
        FAIL() << "binary string read as an integer";
    } catch (const RedisError& error) {
        EXPECT_EQ(error.kind(), RedisError::Kind::kProtocol);
        EXPECT_NE(std::string(error.what()).find("reading n"), std::string::npos);
    }
    try {
        connection.command({"HGET", "bin", "field"});
        FAIL() << "WRONGTYPE not reported";
    } catch (const RedisError& error) {
        EXPECT_EQ(error.kind(), RedisError::Kind::kServer);
        EXPECT_FALSE(error.transient());
        EXPECT_NE(std::string(error.what()).find("WRONGTYPE"), std::string::npos);
    }
    EXPECT_TRUE(connection.connected()) << "an error reply must not break the connection";
}

TEST(RedisConnection, BreaksOnOutageAndReconnects) {
    PrivateRedisServer server;
    RedisConnection connection(server.url(), {300ms, 300ms});
    server.stop();
    try {
        connection.command({"PING"});
        FAIL() << "PING answered by a stopped server";
    } catch (const RedisError& error) {
        EXPECT_EQ(error.kind(), RedisError::Kind::kConnection);
        EXPECT_TRUE(error.transient());
    }
    EXPECT_FALSE(connection.connected());
    EXPECT_THROW(connection.reconnect(), RedisError);
    server.restart();
    connection.reconnect();
    EXPECT_EQ(connection.command({"PING"}).as_string("ping"), "PONG");
}

TEST(RedisConnection, CommandTimeoutBoundsASilentServer) {
    // A listening socket that never answers stands in for a stalled server: the kernel
    // completes the TCP handshake, nothing ever replies to PING.
    const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
    ASSERT_GE(listener, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof(address);
    ASSERT_EQ(::bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof(address)), 0);
    ASSERT_EQ(::listen(listener, 4), 0);
    ASSERT_EQ(::getsockname(listener, reinterpret_cast<sockaddr*>(&address), &length), 0);
    RedisUrl url;
    url.port = ntohs(address.sin_port);

    const auto start = std::chrono::steady_clock::now();
    std::string message;
    EXPECT_EQ(connect_error_kind(url, &message), RedisError::Kind::kConnection);
    const auto waited = std::chrono::steady_clock::now() - start;
    ::close(listener);
    EXPECT_NE(message.find("no answer within 500 ms"), std::string::npos) << message;
    EXPECT_LT(waited, 1500ms);
}
