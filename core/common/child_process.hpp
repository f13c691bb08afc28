#pragma once
#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace liveml {

// A server we run as a child (redis-server, the Kafka JVM): stdin from /dev/null, stdout and
// stderr appended to one log file, its own process group (Ctrl-C in our terminal is ours to
// handle), and on Linux SIGTERM when the thread that started it exits — so it dies with us even
// on kill -9. Start it from a thread that outlives it (the main thread, in practice).
// The destructor stops it. Not thread-safe.
class ChildProcess {
  public:
    // argv[0] is an executable path. Throws std::runtime_error when fork fails.
    ChildProcess(const std::vector<std::string>& argv, const std::filesystem::path& log_file);
    ~ChildProcess();
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    pid_t pid() const noexcept { return pid_; } // -1 once reaped
    // False once it has exited (reaps it); exit_status() then tells how.
    bool running();
    // The exit code, or 128 + the signal that ended it; -1 while running.
    int exit_status() const noexcept { return status_; }
    // SIGTERM, then SIGKILL if it has not exited within `patience`. Idempotent.
    void stop(std::chrono::milliseconds patience);

  private:
    pid_t pid_ = -1;
    int status_ = -1;
};

// The last `max_bytes` of a file ("" when it cannot be read): a server's log in an error message.
std::string file_tail(const std::filesystem::path& path, std::size_t max_bytes);

// Executable `name` on PATH (or `name` itself when it holds a '/'); "" when there is none.
std::string find_on_path(const std::string& name);

} // namespace liveml
