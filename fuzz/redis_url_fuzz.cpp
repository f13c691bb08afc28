// Redis URLs come from flags, settings and $LIVEML_REDIS_URL. A URL that parses must be
// reproduced exactly by to_uri() (it is how the studio hands the server to its children).
#include "store/redis_url.hpp"

#include <cstdint>
#include <cstdlib>

using namespace liveml::store;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    RedisUrl url;
    try {
        url = RedisUrl::parse(text);
    } catch (const RedisUrlError&) {
        return 0;
    }
    (void)url.to_string();
    try {
        if (RedisUrl::parse(url.to_uri()) != url) std::abort();
    } catch (const RedisUrlError&) {
        std::abort();
    }
    return 0;
}
