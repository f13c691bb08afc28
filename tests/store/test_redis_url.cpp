#include <gtest/gtest.h>

#include <cstdlib>

#include "store/redis_url.hpp"

using liveml::store::RedisUrl;
using liveml::store::RedisUrlError;

TEST(RedisUrl, ParsesHostPortAndDefaults) {
    const auto url = RedisUrl::parse("redis://localhost");
    EXPECT_EQ(url.host, "localhost");
    EXPECT_EQ(url.port, 6379);
    EXPECT_EQ(url.db, 0);
    EXPECT_TRUE(url.password.empty());
    EXPECT_EQ(url.to_string(), "redis://localhost:6379/0");
}

TEST(RedisUrl, ParsesPasswordAndDb) {
    const auto url = RedisUrl::parse("redis://:s3cret@10.0.0.5:6380/3");
    EXPECT_EQ(url.host, "10.0.0.5");
    EXPECT_EQ(url.port, 6380);
    EXPECT_EQ(url.db, 3);
    EXPECT_EQ(url.password, "s3cret");
    EXPECT_TRUE(url.user.empty());
    EXPECT_EQ(url.to_string(), "redis://:***@10.0.0.5:6380/3");
    EXPECT_EQ(url.to_uri(), "redis://:s3cret@10.0.0.5:6380/3");
}

TEST(RedisUrl, ParsesUserPasswordEscapesAndIpv6) {
    const auto url = RedisUrl::parse("redis://alice:p%40ss:w/rd@[::1]:7000/");
    EXPECT_EQ(url.user, "alice");
    EXPECT_EQ(url.password, "p@ss:w/rd");
    EXPECT_EQ(url.host, "::1");
    EXPECT_EQ(url.port, 7000);
    EXPECT_EQ(url.db, 0);
    EXPECT_EQ(url.to_string(), "redis://alice:***@[::1]:7000/0");
    EXPECT_EQ(RedisUrl::parse(url.to_uri()), url);
}

TEST(RedisUrl, RejectsMalformedUrlsWithAReason) {
    const std::pair<const char*, const char*> cases[] = {
        {"", "must start with redis://"},
        {"localhost:6379", "must start with redis://"},
        {"http://localhost", "must start with redis://"},
        {"rediss://localhost", "TLS"},
        {"unix:///tmp/redis.sock", "unix sockets"},
        {"redis://", "missing host"},
        {"redis://:6379", "missing host"},
        {"redis://host:", "empty port"},
        {"redis://host:0", "port must be a number in 1..65535"},
        {"redis://host:65536", "port must be a number"},
        {"redis://host:12ab", "port must be a number"},
        {"redis://host:-1", "port must be a number"},
        {"redis://host/x", "db must be a number"},
        {"redis://host/-1", "db must be a number"},
        {"redis://host/99999999999", "db must be a number"},
        {"redis://ho st", "whitespace"},
        {"redis://host?timeout=1", "query strings"},
        {"redis://bad$host", "bad character in host"},
        {"redis://[::1", "unterminated"},
        {"redis://pw@host", "credentials need a ':'"},
        {"redis://user:@host", "empty password"},
        {"redis://:bad%zzpw@host", "bad percent-escape"},
    };
    for (const auto& [text, reason] : cases) {
        try {
            RedisUrl::parse(text);
            ADD_FAILURE() << "accepted " << text;
        } catch (const RedisUrlError& error) {
            EXPECT_NE(std::string(error.what()).find(reason), std::string::npos)
                << text << " → " << error.what();
        }
    }
}

TEST(RedisUrl, ErrorsNeverShowThePassword) {
    for (const char* text : {"redis://:topsecret@host:99999", "redis://u:topsecret@host/abc",
                             "redis://:top/secret@ho$t", "redis://:topsecret@host?x"}) {
        try {
            RedisUrl::parse(text);
            ADD_FAILURE() << "accepted a bad URL";
        } catch (const RedisUrlError& error) {
            const std::string message = error.what();
            EXPECT_EQ(message.find("secret"), std::string::npos) << message;
            EXPECT_NE(message.find("***"), std::string::npos) << message;
        }
    }
}

TEST(RedisUrl, ReadsTheEnvironment) {
    ::unsetenv(liveml::store::kRedisUrlEnv);
    EXPECT_FALSE(liveml::store::redis_url_from_env().has_value());
    ::setenv(liveml::store::kRedisUrlEnv, "redis://:pw@127.0.0.1:7001/2", 1);
    const auto url = liveml::store::redis_url_from_env();
    ASSERT_TRUE(url.has_value());
    EXPECT_EQ(url->port, 7001);
    EXPECT_EQ(url->db, 2);
    ::setenv(liveml::store::kRedisUrlEnv, "redis://host:notaport", 1);
    EXPECT_THROW(liveml::store::redis_url_from_env(), RedisUrlError);
    ::unsetenv(liveml::store::kRedisUrlEnv);
}
