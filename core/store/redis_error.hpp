#pragma once
#include <stdexcept>
#include <string>

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

    RedisError(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}

    Kind kind() const noexcept { return kind_; }

    // True when the same call may succeed later without anyone changing configuration:
    // connection problems and the server's temporary refusals (LOADING while it reads its
    // data after a restart, BUSY, TRYAGAIN, MASTERDOWN, OOM, MISCONF).
    bool transient() const noexcept;

  private:
    Kind kind_;
};

} // namespace liveml::store
