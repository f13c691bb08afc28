#pragma once
// The --redis URL option of the store commands, checked while parsing: a malformed URL is a
// usage error (exit 2) before any connection is tried.
#include <string>

namespace CLI {
class App;
class Option;
} // namespace CLI

namespace liveml::cli {

CLI::Option* add_redis_url_option(CLI::App& command, std::string& url, const std::string& help);

} // namespace liveml::cli
