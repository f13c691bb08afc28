#pragma once
#include <stdexcept>
#include <string>
#include <string_view>

namespace liveml::store {

// Every failure of this library is a RedisError (or RedisUrlError for a bad URL). what() is a
// full sentence naming the server as RedisUrl::to_string() prints it (never the password).
class RedisError : public std::runtime_error {
  public:
    enum class Kind {
        kConnection, // refused, unreachable, timed out, connection dropped: retrying may help
        kAuth,       // AUTH refused or required but no password given: retrying will not help
        kServer,     // the server answered with an error reply (WRONGTYPE, LOADING, …)
        kProtocol,   // the reply had an unexpected type or content
        kProcess,    // a private redis-server could not be started or stopped
    };

    // server_code: for kServer, the error code the server replied with ("WRONGTYPE", "OOM", …:
    // the reply's first word).
    RedisError(Kind kind, const std::string& message, std::string server_code = {})
        : std::runtime_error(message), kind_(kind), server_code_(std::move(server_code)) {}

    Kind kind() const noexcept { return kind_; }
    const std::string& server_code() const noexcept { return server_code_; }

    // The first word of an error reply: its code.
    static std::string code_of(std::string_view error_reply);

    // True when the same call may succeed later without anyone changing configuration:
    // connection problems and the server's temporary refusals (LOADING while it reads its
    // data after a restart, BUSY, TRYAGAIN, MASTERDOWN, OOM, MISCONF).
    bool transient() const noexcept;

  private:
    Kind kind_;
    std::string server_code_;
};

} // namespace liveml::store
