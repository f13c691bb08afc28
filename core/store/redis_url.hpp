#pragma once
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace liveml::store {

// A malformed Redis URL; what() quotes the URL with its password masked and says what is wrong.
class RedisUrlError : public std::invalid_argument {
  public:
    using std::invalid_argument::invalid_argument;
};

// Where a Redis server is and how to log in:
//   redis://host:port[/db]
//   redis://:password@host:port[/db]          (AUTH password, as `redis-server --requirepass`)
//   redis://user:password@host:port[/db]      (AUTH user password, Redis 6+ ACL users)
// host is a name, an IPv4 address or a bracketed IPv6 address; port defaults to 6379 and must
// be 1..65535; db defaults to 0 and must be 0..(a few thousand). Percent-escapes (%40 for '@',
// %3A for ':', %2F for '/') are decoded in user and password. Query strings, fragments, TLS
// (rediss://, not supported by hiredis 0.14) and unix sockets are rejected with a clear error.
struct RedisUrl {
    std::string host = "127.0.0.1";
    int port = 6379;
    std::string user;     // empty: the default user (AUTH with one argument)
    std::string password; // empty: no AUTH
    int db = 0;

    static RedisUrl parse(std::string_view text); // throws RedisUrlError

    // For logs and error messages: the password (if any) is shown as "***".
    std::string to_string() const;
    // The full URL, password included, e.g. to hand to a child process. Never log it.
    std::string to_uri() const;

    bool operator==(const RedisUrl&) const = default;
};

// The environment variable that names the Redis server when no --redis flag is given.
inline constexpr const char* kRedisUrlEnv = "LIVEML_REDIS_URL";

// Parses $LIVEML_REDIS_URL; nullopt when it is unset or empty. Throws RedisUrlError when set
// but malformed (a typo must not silently fall back to a private server).
std::optional<RedisUrl> redis_url_from_env();

} // namespace liveml::store
