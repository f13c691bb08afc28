#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace liveml::store {

// An owned copy of one RESP2 reply, so callers never touch hiredis' redisReply or its lifetime.
struct RedisValue {
    enum class Type { kNil, kString, kStatus, kInteger, kArray, kError };

    Type type = Type::kNil;
    std::string text;                 // kString (binary safe), kStatus, kError
    long long integer = 0;            // kInteger
    std::vector<RedisValue> elements; // kArray

    bool is_nil() const noexcept { return type == Type::kNil; }
    bool is_error() const noexcept { return type == Type::kError; }

    // Typed access. On a type mismatch these throw RedisError(kProtocol) whose message starts
    // with `context` (say which server and key were read) and names the type actually received.
    const std::string& as_string(std::string_view context) const; // kString or kStatus
    long long as_integer(std::string_view context) const;         // kInteger, or a decimal kString
    const std::vector<RedisValue>& as_array(std::string_view context) const;

    static const char* type_name(Type type) noexcept;
};

} // namespace liveml::store
