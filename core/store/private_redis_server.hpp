#pragma once
#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <sys/types.h>

#include "common/child_process.hpp"
#include "store/redis_url.hpp"

namespace liveml::store {

struct PrivateRedisOptions {
    // Durability: off by default (a scratch server); `appendonly yes` where a test or a user
    // needs data to survive restart() / a crash of redis-server itself.
    bool append_only = false;
    // Executable name or path; a name is looked up on PATH.
    std::string executable = "redis-server";
    // Bounds on waiting for the first PING answer and for the process to exit on stop().
    std::chrono::milliseconds start_timeout{5000};
    std::chrono::milliseconds stop_timeout{3000};
    // Where the data directory is created (a fresh "liveml-redis-XXXXXX" folder inside).
    std::filesystem::path parent_dir = std::filesystem::temp_directory_path();
};

// A redis-server of our own for when no URL is configured (`liveml train` without --redis, the
// studio's local mode, tests): listens on 127.0.0.1 at a free port, requires a random password,
// keeps its data in its own temporary directory, and dies with us. The constructor returns
// only once the server answers PING (or throws RedisError(kProcess) with the reason and the
// tail of its log). The destructor stops it and removes the directory.
// On Linux the server gets SIGTERM if the thread that started it exits, so construct it from a
// thread that outlives it (the main thread, in practice). Not thread-safe.
class PrivateRedisServer {
  public:
    explicit PrivateRedisServer(PrivateRedisOptions options = {});
    ~PrivateRedisServer();
    PrivateRedisServer(const PrivateRedisServer&) = delete;
    PrivateRedisServer& operator=(const PrivateRedisServer&) = delete;

    // redis://:<password>@127.0.0.1:<port>/0 — stable across stop()/restart().
    const RedisUrl& url() const noexcept { return url_; }
    int port() const noexcept { return url_.port; }
    pid_t pid() const noexcept { return process_ ? process_->pid() : -1; } // -1 while stopped
    bool running() const noexcept { return process_ != nullptr; }
    const std::filesystem::path& data_dir() const noexcept { return data_dir_; }

    // SIGTERM, then SIGKILL if it has not exited within stop_timeout. Idempotent. The data dir
    // stays (restart() reuses it: with append_only the data survives).
    void stop();
    // Starts it again on the SAME port and password (an outage in tests). Throws
    // RedisError(kProcess) if the port was taken meanwhile or the server does not come up.
    void restart();

  private:
    void launch(); // spawn on url_.port and wait for PING; throws
    std::string log_tail() const;

    PrivateRedisOptions options_;
    std::filesystem::path data_dir_;
    std::string executable_path_;
    RedisUrl url_;
    std::unique_ptr<ChildProcess> process_;
};

} // namespace liveml::store
