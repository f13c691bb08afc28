#pragma once
#include <atomic>
#include <chrono>
#include <functional>
#include <optional>
#include <string>

#include "store/redis_connection.hpp"

namespace liveml::store {

enum class RedisLinkState {
    kConnecting, // never connected yet
    kConnected,
    kLost, // was connected (or never managed to); retrying with backoff
};
const char* to_string(RedisLinkState state) noexcept;

// Exponential backoff between reconnection attempts: initial, ×multiplier after each failure,
// capped at max; reset to initial after a success.
struct BackoffPolicy {
    std::chrono::milliseconds initial{100};
    std::chrono::milliseconds max{5000};
    double multiplier = 2.0;
};

struct ResilientOptions {
    // Short by default: a dead server must not stall the training loop.
    RedisTimeouts timeouts{std::chrono::milliseconds{500}, std::chrono::milliseconds{1000}};
    BackoffPolicy backoff{};
};

// A Redis connection for a loop that must never block on Redis for long (the trainer).
// run() executes work on the connection when Redis is reachable; while it is not (connection
// lost, or the server temporarily refusing, e.g. LOADING after a restart), run() returns false
// at once (no network I/O) until the next backoff deadline, when it reconnects and tries again.
// Each call therefore costs at most one connect timeout + the work's command timeouts.
// State changes (connecting → connected, connected → lost, lost → connected) are reported
// once each through the listener, from the thread calling run(); state() may be read from any
// thread. Not otherwise thread-safe: call run() from one thread.
class ResilientRedis {
  public:
    // detail: the error that caused kLost, or the server (URL without password) on kConnected.
    using StateListener = std::function<void(RedisLinkState state, const std::string& detail)>;

    explicit ResilientRedis(RedisUrl url, ResilientOptions options = {},
                            StateListener listener = {});

    // Runs work(connection). Returns true when it completed; false when it was skipped (inside
    // the backoff delay) or failed with a transient RedisError (RedisError::transient()): the
    // state becomes kLost and the next attempt is scheduled. Failing to (re)connect counts as
    // an outage too, a refused password included (the listener says why). Non-transient errors
    // thrown by work on a working link (WRONGTYPE, a malformed reply) are rethrown: retrying
    // would not fix them.
    bool run(const std::function<void(RedisConnection&)>& work);

    RedisLinkState state() const noexcept { return state_.load(); }
    // Why the link is down (empty while connected).
    std::string last_error() const;
    const RedisUrl& url() const noexcept { return url_; }

  private:
    void mark_up();
    void mark_lost(const std::string& detail);
    void set_state(RedisLinkState state, const std::string& detail);

    RedisUrl url_;
    ResilientOptions options_;
    StateListener listener_;
    std::optional<RedisConnection> connection_;
    std::atomic<RedisLinkState> state_{RedisLinkState::kConnecting};
    std::chrono::steady_clock::time_point next_attempt_{};
    std::chrono::milliseconds current_backoff_;
    std::string last_error_;
};

} // namespace liveml::store
