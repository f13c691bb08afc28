#include "store/redis_error.hpp"

#include <array>
#include <string_view>

namespace liveml::store {

bool RedisError::transient() const noexcept {
    if (kind_ == Kind::kConnection) return true;
    if (kind_ != Kind::kServer) return false;
    // Messages of kServer errors end with the server's reply, e.g. "…: LOADING Redis is loading".
    static constexpr std::array<std::string_view, 6> kTemporary = {"LOADING",    "BUSY", "TRYAGAIN",
                                                                   "MASTERDOWN", "OOM",  "MISCONF"};
    const std::string_view message = what();
    const auto reply_start = message.rfind(": ");
    const std::string_view reply =
        reply_start == std::string_view::npos ? message : message.substr(reply_start + 2);
    for (const auto prefix : kTemporary) {
        if (reply.starts_with(prefix)) return true;
    }
    return false;
}

} // namespace liveml::store
