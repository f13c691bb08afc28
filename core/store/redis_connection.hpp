#pragma once
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/redis_url.hpp"
#include "store/redis_value.hpp"

struct redisContext;

namespace liveml::store {

struct RedisTimeouts {
    std::chrono::milliseconds connect{2000};
    std::chrono::milliseconds command{2000}; // per read/write on the socket
};

// One synchronous hiredis connection: connects (bounded by timeouts.connect), sends AUTH when the
// URL has a password, SELECTs the URL's db. Not thread-safe: one thread at a time, or one
// connection per thread. Errors are exceptions (RedisError; see redis_error.hpp):
//  - a refused/unreachable/timed-out/dropped connection throws kConnection and leaves the
//    connection broken (connected() == false) until reconnect() succeeds;
//  - an error reply from the server throws kServer (the connection stays usable);
//  - a wrong or missing password throws kAuth.
class RedisConnection {
  public:
    explicit RedisConnection(RedisUrl url, RedisTimeouts timeouts = {});
    ~RedisConnection();
    RedisConnection(RedisConnection&&) noexcept;
    RedisConnection& operator=(RedisConnection&&) noexcept;
    RedisConnection(const RedisConnection&) = delete;
    RedisConnection& operator=(const RedisConnection&) = delete;

    // One command, arguments binary safe (e.g. {"SET", key, model_bytes}). Throws on error
    // replies; returns the reply otherwise (nil, string, integer, array, status).
    RedisValue command(const std::vector<std::string_view>& args);

    // Several commands in one round trip; replies in order. Error replies are returned as
    // kError values, not thrown, so a caller can see which command failed (used for
    // MULTI … EXEC, where the queued commands' replies matter).
    std::vector<RedisValue> pipeline(const std::vector<std::vector<std::string_view>>& commands);

    // Drops the socket and connects again (AUTH, SELECT). Throws like the constructor.
    void reconnect();

    bool connected() const noexcept;
    const RedisUrl& url() const noexcept { return url_; }
    const RedisTimeouts& timeouts() const noexcept { return timeouts_; }

    // For RedisSubscriber, which waits on the socket itself (poll) so it can be stopped:
    // the socket, -1 when broken.
    int socket_fd() const noexcept;
    // A reply already received and buffered by an earlier read, if any (no I/O).
    std::optional<RedisValue> take_buffered_reply();
    // Reads the next reply the server pushes (pub/sub messages), waiting at most the command
    // timeout. Error replies are returned, not thrown; I/O errors throw kConnection.
    RedisValue read_pushed_reply();

  private:
    struct ContextDeleter {
        void operator()(redisContext* context) const noexcept;
    };

    void open();
    [[noreturn]] void fail_io(std::string_view doing);

    RedisUrl url_;
    RedisTimeouts timeouts_;
    std::unique_ptr<redisContext, ContextDeleter> context_;
    bool broken_ = true;
};

} // namespace liveml::store
