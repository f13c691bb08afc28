#include "store/resilient_redis.hpp"

#include <algorithm>

#include "store/redis_error.hpp"

namespace liveml::store {

const char* to_string(RedisLinkState state) noexcept {
    switch (state) {
    case RedisLinkState::kConnecting:
        return "connecting";
    case RedisLinkState::kConnected:
        return "connected";
    case RedisLinkState::kLost:
        return "lost";
    }
    return "unknown";
}

ResilientRedis::ResilientRedis(RedisUrl url, ResilientOptions options, StateListener listener)
    : url_(std::move(url)), options_(options), listener_(std::move(listener)),
      current_backoff_(options.backoff.initial) {}

bool ResilientRedis::run(const std::function<void(RedisConnection&)>& work) {
    // While the link is down, calls between backoff deadlines cost nothing: no network I/O.
    if (state_ != RedisLinkState::kConnected && std::chrono::steady_clock::now() < next_attempt_) {
        return false;
    }
    try {
        if (!connection_) {
            connection_.emplace(url_, options_.timeouts);
        } else if (!connection_->connected()) {
            connection_->reconnect();
        }
        work(*connection_);
    } catch (const RedisError& error) {
        // A wrong password when (re)connecting is an outage too from the loop's point of view:
        // keep retrying slowly and say why. On a working link, only transient errors are.
        const bool link_works = connection_ && connection_->connected();
        if (link_works && !error.transient()) {
            mark_up();
            throw;
        }
        mark_lost(error.what());
        return false;
    }
    mark_up();
    return true;
}

std::string ResilientRedis::last_error() const {
    return last_error_;
}

void ResilientRedis::mark_up() {
    current_backoff_ = options_.backoff.initial;
    last_error_.clear();
    set_state(RedisLinkState::kConnected, url_.to_string());
}

void ResilientRedis::mark_lost(const std::string& detail) {
    last_error_ = detail;
    next_attempt_ = std::chrono::steady_clock::now() + current_backoff_;
    const auto grown = std::chrono::milliseconds(static_cast<long long>(
        static_cast<double>(current_backoff_.count()) * options_.backoff.multiplier));
    current_backoff_ = std::min(std::max(grown, options_.backoff.initial), options_.backoff.max);
    set_state(RedisLinkState::kLost, detail);
}

void ResilientRedis::set_state(RedisLinkState state, const std::string& detail) {
    if (state_.exchange(state) == state) return;
    if (listener_) listener_(state, detail);
}

} // namespace liveml::store
