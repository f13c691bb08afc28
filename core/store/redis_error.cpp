#include "store/redis_error.hpp"

#include <array>
#include <string_view>

namespace liveml::store {

bool RedisError::transient() const noexcept {
    if (kind_ == Kind::kConnection) return true;
    if (kind_ != Kind::kServer) return false;
    static constexpr std::array<std::string_view, 6> kTemporary = {"LOADING",    "BUSY", "TRYAGAIN",
                                                                   "MASTERDOWN", "OOM",  "MISCONF"};
    for (const auto code : kTemporary) {
        if (server_code_ == code) return true;
    }
    return false;
}

std::string RedisError::code_of(std::string_view error_reply) {
    return std::string(error_reply.substr(0, error_reply.find(' ')));
}

} // namespace liveml::store
