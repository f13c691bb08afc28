#include "store/private_redis_server.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>
#include <unistd.h>
#include <vector>

#include "common/child_process.hpp"
#include "common/free_port.hpp"
#include "store/redis_connection.hpp"
#include "store/redis_error.hpp"

namespace liveml::store {
namespace {

// A port we picked can be taken by someone else before redis-server binds it.
constexpr int kMaxPortAttempts = 5;
constexpr auto kPollInterval = std::chrono::milliseconds(10);

[[noreturn]] void process_error(const std::string& message) {
    throw RedisError(RedisError::Kind::kProcess, message);
}

std::string errno_text() {
    return std::strerror(errno);
}

std::string random_password() {
    std::random_device device;
    std::ostringstream out;
    out << std::hex;
    for (int i = 0; i < 4; ++i)
        out << device();
    return out.str();
}

std::string find_executable(const std::string& name) {
    auto path = find_on_path(name);
    if (!path.empty()) return path;
    if (name.find('/') != std::string::npos)
        process_error("cannot run \"" + name + "\": " + errno_text());
    process_error("\"" + name +
                  "\" was not found on PATH: install the redis-server package "
                  "(scripts/install-deps.sh) or pass --redis URL");
}

// redis.conf string syntax: double quotes, backslash escapes.
std::string quoted(const std::string& text) {
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

} // namespace

PrivateRedisServer::PrivateRedisServer(PrivateRedisOptions options) : options_(std::move(options)) {
    executable_path_ = find_executable(options_.executable);
    std::string pattern = (options_.parent_dir / "liveml-redis-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) {
        process_error("cannot create a data directory under " + options_.parent_dir.string() +
                      ": " + errno_text());
    }
    data_dir_ = pattern;
    url_.host = "127.0.0.1";
    url_.password = random_password();
    try {
        for (int attempt = 1;; ++attempt) {
            try {
                url_.port = pick_free_port();
            } catch (const std::runtime_error& e) {
                process_error(e.what());
            }
            try {
                launch();
                return;
            } catch (const RedisError&) {
                if (attempt >= kMaxPortAttempts ||
                    log_tail().find("Address already in use") == std::string::npos) {
                    throw;
                }
            }
        }
    } catch (...) {
        std::error_code ignored;
        std::filesystem::remove_all(data_dir_, ignored);
        throw;
    }
}

PrivateRedisServer::~PrivateRedisServer() {
    try {
        stop();
    } catch (...) { // a destructor must not throw; the process is gone or unkillable anyway
    }
    std::error_code ignored;
    std::filesystem::remove_all(data_dir_, ignored);
}

void PrivateRedisServer::launch() {
    // The password goes into a config file (the dir is 0700) rather than on the command line,
    // where any local user could read it with ps.
    const auto config_path = data_dir_ / "redis.conf";
    {
        std::ofstream config(config_path, std::ios::trunc);
        config << "bind 127.0.0.1\n"
               << "port " << url_.port << "\n"
               << "dir " << quoted(data_dir_.string()) << "\n"
               << "logfile " << quoted((data_dir_ / "redis.log").string()) << "\n"
               << "requirepass " << quoted(url_.password) << "\n"
               << "save \"\"\n"
               << "appendonly " << (options_.append_only ? "yes" : "no") << "\n"
               << "daemonize no\n";
        if (!config) process_error("cannot write " + config_path.string());
    }
    const std::string config_arg = config_path.string();
    const auto output_path = data_dir_ / "output.log";
    std::filesystem::remove(output_path);
    try {
        process_ = std::make_unique<ChildProcess>(
            std::vector<std::string>{executable_path_, config_arg}, output_path);
    } catch (const std::runtime_error& e) {
        process_error(e.what());
    }

    const auto deadline = std::chrono::steady_clock::now() + options_.start_timeout;
    std::string last_error = "no answer yet";
    while (std::chrono::steady_clock::now() < deadline) {
        if (!process_->running()) {
            process_.reset();
            process_error("redis-server exited while starting on 127.0.0.1:" +
                          std::to_string(url_.port) + "; its log ends with:\n" + log_tail());
        }
        try {
            RedisConnection probe(url_,
                                  {std::chrono::milliseconds(200), std::chrono::milliseconds(500)});
            return;
        } catch (const RedisError& error) {
            last_error = error.what();
        }
        std::this_thread::sleep_for(kPollInterval);
    }
    stop();
    process_error("redis-server did not answer PING within " +
                  std::to_string(options_.start_timeout.count()) + " ms (" + last_error +
                  "); its log ends with:\n" + log_tail());
}

void PrivateRedisServer::stop() {
    if (process_) process_->stop(options_.stop_timeout);
    process_.reset();
}

void PrivateRedisServer::restart() {
    stop();
    launch();
}

std::string PrivateRedisServer::log_tail() const {
    constexpr std::size_t kTailBytes = 2000;
    return file_tail(data_dir_ / "output.log", kTailBytes) +
           file_tail(data_dir_ / "redis.log", kTailBytes);
}

} // namespace liveml::store
