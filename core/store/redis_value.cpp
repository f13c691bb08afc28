#include "store/redis_value.hpp"

#include <charconv>

#include "store/redis_error.hpp"

namespace liveml::store {
namespace {

[[noreturn]] void mismatch(std::string_view context, std::string_view expected,
                           const RedisValue& actual) {
    std::string message = std::string(context) + ": expected " + std::string(expected) +
                          " reply, got " + RedisValue::type_name(actual.type);
    if (actual.is_error()) message += " \"" + actual.text + "\"";
    throw RedisError(RedisError::Kind::kProtocol, message);
}

} // namespace

const std::string& RedisValue::as_string(std::string_view context) const {
    if (type != Type::kString && type != Type::kStatus) mismatch(context, "a string", *this);
    return text;
}

long long RedisValue::as_integer(std::string_view context) const {
    if (type == Type::kInteger) return integer;
    if (type == Type::kString) {
        long long value = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (error == std::errc{} && end == text.data() + text.size() && !text.empty()) return value;
        throw RedisError(RedisError::Kind::kProtocol, std::string(context) +
                                                          ": expected an integer, got \"" +
                                                          text.substr(0, 40) + "\"");
    }
    mismatch(context, "an integer", *this);
}

const std::vector<RedisValue>& RedisValue::as_array(std::string_view context) const {
    if (type != Type::kArray) mismatch(context, "an array", *this);
    return elements;
}

const char* RedisValue::type_name(Type type) noexcept {
    switch (type) {
    case Type::kNil:
        return "nil";
    case Type::kString:
        return "bulk string";
    case Type::kStatus:
        return "status";
    case Type::kInteger:
        return "integer";
    case Type::kArray:
        return "array";
    case Type::kError:
        return "error";
    }
    return "unknown";
}

} // namespace liveml::store
