#include "redis_url_flag.hpp"

#include <CLI/CLI.hpp>

#include "store/redis_url.hpp"

namespace liveml::cli {

CLI::Option* add_redis_url_option(CLI::App& command, std::string& url, const std::string& help) {
    return command.add_option("--redis", url, help)
        ->type_name("URL")
        ->check(CLI::Validator(
            [](std::string& text) {
                try {
                    store::RedisUrl::parse(text);
                    return std::string{};
                } catch (const store::RedisUrlError& e) {
                    return std::string(e.what());
                }
            },
            ""));
}

} // namespace liveml::cli
