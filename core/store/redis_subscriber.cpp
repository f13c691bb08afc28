#include "store/redis_subscriber.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include "store/redis_connection.hpp"
#include "store/redis_error.hpp"

namespace liveml::store {

RedisSubscriber::RedisSubscriber(RedisUrl url, std::string channel, MessageHandler on_message,
                                 StateListener on_state, ResilientOptions options)
    : url_(std::move(url)), channel_(std::move(channel)), on_message_(std::move(on_message)),
      on_state_(std::move(on_state)), options_(options) {
    if (channel_.empty()) throw std::invalid_argument("the Redis channel must not be empty");
    if (::pipe2(wake_pipe_, O_CLOEXEC | O_NONBLOCK) != 0) {
        throw RedisError(RedisError::Kind::kProcess,
                         std::string("cannot create the subscriber's wake-up pipe: ") +
                             std::strerror(errno));
    }
    thread_ = std::thread([this] { run(); });
}

RedisSubscriber::~RedisSubscriber() {
    stop();
}

void RedisSubscriber::stop() {
    if (!stopping_.exchange(true)) {
        const char byte = 1;
        [[maybe_unused]] const auto written = ::write(wake_pipe_[1], &byte, 1);
    }
    if (thread_.joinable()) thread_.join();
    for (int& fd : wake_pipe_) {
        if (fd >= 0) ::close(fd);
        fd = -1;
    }
}

bool RedisSubscriber::wait_subscribed(std::chrono::milliseconds timeout) {
    std::unique_lock lock(state_mutex_);
    return state_changed_.wait_for(lock, timeout,
                                   [this] { return state_ == RedisLinkState::kConnected; });
}

void RedisSubscriber::run() {
    auto backoff = options_.backoff.initial;
    while (!stopping_) {
        try {
            listen();
            return;
        } catch (const RedisError& error) {
            // A link that was up starts over at the shortest delay.
            if (state_ == RedisLinkState::kConnected) backoff = options_.backoff.initial;
            set_state(RedisLinkState::kLost, error.what());
        }
        if (!sleep_unless_woken(backoff)) return;
        backoff =
            std::min(options_.backoff.max,
                     std::chrono::milliseconds(static_cast<long long>(
                         static_cast<double>(backoff.count()) * options_.backoff.multiplier)));
    }
}

void RedisSubscriber::listen() {
    RedisConnection connection(url_, options_.timeouts);
    // The confirmation ["subscribe", channel, 1] is the reply to SUBSCRIBE.
    const auto confirmation = connection.command({"SUBSCRIBE", channel_});
    (void)confirmation.as_array("Redis at " + url_.to_string() + ", SUBSCRIBE " + channel_);
    set_state(RedisLinkState::kConnected, url_.to_string());

    while (!stopping_) {
        while (auto reply = connection.take_buffered_reply())
            handle(*reply);
        pollfd fds[2] = {{connection.socket_fd(), POLLIN, 0}, {wake_pipe_[0], POLLIN, 0}};
        const int ready = ::poll(fds, 2, -1);
        if (ready < 0) {
            if (errno == EINTR) continue;
            throw RedisError(RedisError::Kind::kConnection,
                             "Redis at " + url_.to_string() +
                                 ": poll failed: " + std::strerror(errno));
        }
        if (fds[1].revents != 0) return;
        if (fds[0].revents != 0) handle(connection.read_pushed_reply());
    }
}

void RedisSubscriber::handle(const RedisValue& reply) {
    // Pushed messages are ["message", channel, payload]; anything else (subscribe
    // confirmations, pongs) carries no payload for us.
    if (reply.type != RedisValue::Type::kArray || reply.elements.size() != 3 ||
        reply.elements[0].text != "message" || !on_message_) {
        return;
    }
    try {
        on_message_(reply.elements[2].text);
    } catch (...) { // NOLINT(bugprone-empty-catch): documented in the header
    }
}

bool RedisSubscriber::sleep_unless_woken(std::chrono::milliseconds duration) {
    pollfd wake{wake_pipe_[0], POLLIN, 0};
    const int ready = ::poll(&wake, 1, static_cast<int>(duration.count()));
    return ready <= 0 && !stopping_;
}

void RedisSubscriber::set_state(RedisLinkState state, const std::string& detail) {
    {
        std::lock_guard lock(state_mutex_);
        if (state_.exchange(state) == state) return;
    }
    state_changed_.notify_all();
    if (!on_state_) return;
    try {
        on_state_(state, detail);
    } catch (...) { // NOLINT(bugprone-empty-catch): documented in the header
    }
}

} // namespace liveml::store
