#pragma once
#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "store/redis_url.hpp"
#include "store/redis_value.hpp"
#include "store/resilient_redis.hpp"

namespace liveml::store {

// Listens to one pub/sub channel (e.g. "online_ml_model:updates") on its own connection (a
// subscribed hiredis context can do nothing else) in a background thread. The thread waits on
// the socket and on an internal wake-up pipe, so stop() returns promptly, and reconnects with
// the given backoff when the server goes away (messages published meanwhile are lost: a
// reader should reload the current state when the listener reports kConnected again).
// Callbacks run on the background thread; they must not call stop() or destroy the subscriber,
// and whatever they throw is caught and dropped so one bad message cannot end the thread.
class RedisSubscriber {
  public:
    using MessageHandler = std::function<void(const std::string& payload)>;
    using StateListener = ResilientRedis::StateListener;

    RedisSubscriber(RedisUrl url, std::string channel, MessageHandler on_message,
                    StateListener on_state = {}, ResilientOptions options = {});
    ~RedisSubscriber(); // stop()
    RedisSubscriber(const RedisSubscriber&) = delete;
    RedisSubscriber& operator=(const RedisSubscriber&) = delete;

    // Blocks until the subscription is confirmed or `timeout` passes; true when subscribed.
    // Useful before publishing in tests, or to tell a user the link is up.
    bool wait_subscribed(std::chrono::milliseconds timeout);

    // Stops the thread and closes the connection; idempotent.
    void stop();

    RedisLinkState state() const noexcept { return state_.load(); }

  private:
    void run();
    void listen(); // one connection's lifetime; returns when asked to stop, throws when lost
    void handle(const RedisValue& reply);
    bool sleep_unless_woken(std::chrono::milliseconds duration); // false when asked to stop
    void set_state(RedisLinkState state, const std::string& detail);

    RedisUrl url_;
    std::string channel_;
    MessageHandler on_message_;
    StateListener on_state_;
    ResilientOptions options_;
    int wake_pipe_[2] = {-1, -1};
    std::atomic<bool> stopping_{false};
    std::atomic<RedisLinkState> state_{RedisLinkState::kConnecting};
    std::mutex state_mutex_;
    std::condition_variable state_changed_;
    std::thread thread_;
};

} // namespace liveml::store
