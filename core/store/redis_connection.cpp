#include "store/redis_connection.hpp"

#include <cerrno>
#include <cstring>
#include <hiredis/hiredis.h>

#include "store/redis_error.hpp"

namespace liveml::store {
namespace {

timeval to_timeval(std::chrono::milliseconds ms) {
    timeval tv{};
    tv.tv_sec = static_cast<time_t>(ms.count() / 1000);
    tv.tv_usec = static_cast<suseconds_t>((ms.count() % 1000) * 1000);
    return tv;
}

RedisValue convert(const redisReply& reply) {
    RedisValue value;
    switch (reply.type) {
    case REDIS_REPLY_STRING:
        value.type = RedisValue::Type::kString;
        value.text.assign(reply.str, reply.len);
        break;
    case REDIS_REPLY_STATUS:
        value.type = RedisValue::Type::kStatus;
        value.text.assign(reply.str, reply.len);
        break;
    case REDIS_REPLY_ERROR:
        value.type = RedisValue::Type::kError;
        value.text.assign(reply.str, reply.len);
        break;
    case REDIS_REPLY_INTEGER:
        value.type = RedisValue::Type::kInteger;
        value.integer = reply.integer;
        break;
    case REDIS_REPLY_ARRAY:
        value.type = RedisValue::Type::kArray;
        value.elements.reserve(reply.elements);
        for (std::size_t i = 0; i < reply.elements; ++i) {
            value.elements.push_back(convert(*reply.element[i]));
        }
        break;
    default:
        value.type = RedisValue::Type::kNil;
    }
    return value;
}

// Takes ownership of a reply hiredis allocated.
RedisValue adopt(void* raw) {
    std::unique_ptr<redisReply, void (*)(void*)> reply(static_cast<redisReply*>(raw),
                                                       freeReplyObject);
    return convert(*reply);
}

bool is_auth_error(std::string_view reply) {
    return reply.starts_with("NOAUTH") || reply.starts_with("WRONGPASS") ||
           reply.starts_with("ERR invalid password") || reply.starts_with("ERR AUTH");
}

} // namespace

void RedisConnection::ContextDeleter::operator()(redisContext* context) const noexcept {
    redisFree(context);
}

RedisConnection::RedisConnection(RedisUrl url, RedisTimeouts timeouts)
    : url_(std::move(url)), timeouts_(timeouts) {
    open();
}

RedisConnection::~RedisConnection() = default;
RedisConnection::RedisConnection(RedisConnection&&) noexcept = default;
RedisConnection& RedisConnection::operator=(RedisConnection&&) noexcept = default;

void RedisConnection::open() {
    broken_ = true;
    context_.reset(
        redisConnectWithTimeout(url_.host.c_str(), url_.port, to_timeval(timeouts_.connect)));
    if (!context_) {
        throw RedisError(RedisError::Kind::kConnection,
                         "cannot connect to Redis at " + url_.to_string() + ": out of memory");
    }
    if (context_->err != 0) fail_io("connect");
    if (redisSetTimeout(context_.get(), to_timeval(timeouts_.command)) != REDIS_OK) {
        fail_io("set the command timeout");
    }
    redisEnableKeepAlive(context_.get());
    broken_ = false;

    // Verify the login now, so a wrong or missing password is reported as such when
    // connecting rather than as a puzzling failure of the first real command.
    try {
        if (!url_.password.empty()) {
            if (url_.user.empty()) {
                command({"AUTH", url_.password});
            } else {
                command({"AUTH", url_.user, url_.password});
            }
        }
        if (url_.db != 0) {
            command({"SELECT", std::to_string(url_.db)});
        } else {
            command({"PING"});
        }
    } catch (const RedisError&) {
        broken_ = true;
        throw;
    }
}

void RedisConnection::reconnect() {
    open();
}

bool RedisConnection::connected() const noexcept {
    return context_ && !broken_;
}

int RedisConnection::socket_fd() const noexcept {
    return connected() ? context_->fd : -1;
}

void RedisConnection::fail_io(std::string_view doing) {
    broken_ = true;
    std::string reason = context_ ? context_->errstr : "not connected";
    if (context_ && context_->err == REDIS_ERR_IO &&
        (reason.find("temporarily unavailable") != std::string::npos ||
         reason.find("timed out") != std::string::npos)) {
        const auto bound = doing == "connect" ? timeouts_.connect : timeouts_.command;
        reason = "no answer within " + std::to_string(bound.count()) + " ms";
    } else if (context_ && context_->err == REDIS_ERR_EOF) {
        reason = "the server closed the connection";
    }
    throw RedisError(RedisError::Kind::kConnection, "Redis at " + url_.to_string() + ": cannot " +
                                                        std::string(doing) + ": " + reason);
}

RedisValue RedisConnection::command(const std::vector<std::string_view>& args) {
    auto replies = pipeline({args});
    RedisValue& reply = replies.front();
    if (reply.is_error()) {
        const std::string name(args.empty() ? "" : args.front());
        const bool auth = is_auth_error(reply.text);
        std::string message =
            "Redis at " + url_.to_string() + " rejected " + name + ": " + reply.text;
        if (auth && url_.password.empty()) {
            message += " (the server requires a password: use redis://:PASSWORD@host:port)";
        }
        throw RedisError(auth ? RedisError::Kind::kAuth : RedisError::Kind::kServer, message,
                         RedisError::code_of(reply.text));
    }
    return std::move(reply);
}

std::vector<RedisValue>
RedisConnection::pipeline(const std::vector<std::vector<std::string_view>>& commands) {
    if (!connected()) {
        throw RedisError(RedisError::Kind::kConnection,
                         "Redis at " + url_.to_string() + ": not connected");
    }
    std::vector<const char*> argv;
    std::vector<std::size_t> argvlen;
    for (const auto& args : commands) {
        argv.clear();
        argvlen.clear();
        for (const auto arg : args) {
            argv.push_back(arg.data());
            argvlen.push_back(arg.size());
        }
        if (redisAppendCommandArgv(context_.get(), static_cast<int>(argv.size()), argv.data(),
                                   argvlen.data()) != REDIS_OK) {
            fail_io("send a command");
        }
    }
    std::vector<RedisValue> replies;
    replies.reserve(commands.size());
    for (std::size_t i = 0; i < commands.size(); ++i) {
        void* raw = nullptr;
        if (redisGetReply(context_.get(), &raw) != REDIS_OK || raw == nullptr) {
            fail_io("read a reply");
        }
        replies.push_back(adopt(raw));
    }
    return replies;
}

std::optional<RedisValue> RedisConnection::take_buffered_reply() {
    if (!connected()) return std::nullopt;
    void* raw = nullptr;
    if (redisGetReplyFromReader(context_.get(), &raw) != REDIS_OK) fail_io("parse a reply");
    if (raw == nullptr) return std::nullopt;
    return adopt(raw);
}

RedisValue RedisConnection::read_pushed_reply() {
    if (!connected()) {
        throw RedisError(RedisError::Kind::kConnection,
                         "Redis at " + url_.to_string() + ": not connected");
    }
    void* raw = nullptr;
    if (redisGetReply(context_.get(), &raw) != REDIS_OK || raw == nullptr) {
        fail_io("read a message");
    }
    return adopt(raw);
}

} // namespace liveml::store
