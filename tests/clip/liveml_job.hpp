#pragma once
// Runs the `liveml` binary as the studio does: a child process whose stdout (JSON lines) is
// read line by line with deadlines, signalled and reaped by the test.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <filesystem>
#include <optional>
#include <poll.h>
#include <stdexcept>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace liveml::clip_test {

namespace fs = std::filesystem;
using nlohmann::json;
using Clock = std::chrono::steady_clock;

inline fs::path test_dir(const std::string& name) {
    const auto dir = fs::path(LIVEML_TEST_BINARY_DIR) / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

// A `liveml` child whose stdout we read line by line with a deadline.
class Job {
  public:
    // `pipe_bytes` > 0 shrinks the stdout pipe, so a child that writes while the test does not
    // read blocks after that many bytes (how a test holds a job mid-run).
    explicit Job(std::vector<std::string> args, int pipe_bytes = 0) {
        int fds[2];
        if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
        if (pipe_bytes > 0) fcntl(fds[0], F_SETPIPE_SZ, pipe_bytes);
        pid_ = fork();
        if (pid_ == 0) {
            dup2(fds[1], STDOUT_FILENO);
            close(fds[0]);
            close(fds[1]);
            std::vector<char*> argv{const_cast<char*>(LIVEML_CLI_PATH)};
            for (auto& a : args)
                argv.push_back(a.data());
            argv.push_back(nullptr);
            execv(LIVEML_CLI_PATH, argv.data());
            _exit(127);
        }
        close(fds[1]);
        fd_ = fds[0];
    }
    ~Job() {
        if (pid_ > 0 && !reaped_) {
            kill(pid_, SIGKILL);
            waitpid(pid_, nullptr, 0);
        }
        close(fd_);
    }

    // The next line, or nullopt at end of output or when `timeout` passes.
    std::optional<std::string> next_line(std::chrono::seconds timeout) {
        const auto deadline = Clock::now() + timeout;
        while (true) {
            if (const auto nl = buffer_.find('\n'); nl != std::string::npos) {
                auto line = buffer_.substr(0, nl);
                buffer_.erase(0, nl + 1);
                return line;
            }
            const auto left =
                std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
            if (left.count() <= 0) return std::nullopt;
            pollfd p{fd_, POLLIN, 0};
            if (poll(&p, 1, static_cast<int>(left.count())) <= 0) continue;
            char chunk[4096];
            const auto n = read(fd_, chunk, sizeof chunk);
            if (n <= 0) return std::nullopt;
            buffer_.append(chunk, static_cast<std::size_t>(n));
        }
    }

    // All remaining lines until the child closes stdout (bounded).
    std::vector<json> events(std::chrono::seconds timeout) {
        std::vector<json> out;
        const auto deadline = Clock::now() + timeout;
        while (Clock::now() < deadline) {
            const auto line = next_line(
                std::chrono::duration_cast<std::chrono::seconds>(deadline - Clock::now()) +
                std::chrono::seconds(1));
            if (!line) break;
            out.push_back(json::parse(*line));
        }
        return out;
    }

    // Reads lines until a progress event of `phase`: false when the output ends or `timeout`
    // passes first (the point where a test interrupts a job that is really working).
    bool reached_phase(const std::string& phase, std::chrono::seconds timeout) {
        while (const auto line = next_line(timeout)) {
            const auto event = json::parse(*line);
            if (event["event"] == "progress" && event["phase"] == phase) return true;
        }
        return false;
    }

    void signal(int sig) { kill(pid_, sig); }
    pid_t pid() const noexcept { return pid_; }

    int wait_exit(std::chrono::seconds timeout) {
        const auto deadline = Clock::now() + timeout;
        int status = 0;
        while (Clock::now() < deadline) {
            if (waitpid(pid_, &status, WNOHANG) == pid_) {
                reaped_ = true;
                return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        return -1;
    }

  private:
    pid_t pid_ = -1;
    int fd_ = -1;
    bool reaped_ = false;
    std::string buffer_;
};

inline json run_to_result(std::vector<std::string> args, int expected_exit = 0) {
    Job job(std::move(args));
    const auto events = job.events(std::chrono::seconds(120));
    EXPECT_EQ(job.wait_exit(std::chrono::seconds(10)), expected_exit);
    if (events.empty()) return {};
    return events.back();
}

// Each job (arguments after `liveml`) exits 1 with an error naming `--device cuda:99` (no such
// GPU) and 2 for the misspelt `--device gpu`.
inline void expect_device_errors(const std::vector<std::vector<std::string>>& jobs) {
    for (const auto& job : jobs) {
        auto args = job;
        args.insert(args.end(), {"--device", "cuda:99", "--json"});
        auto r = run_to_result(args, 1);
        EXPECT_EQ(r["event"], "error") << job[1];
        EXPECT_NE(r.value("message", "").find("cuda:99"), std::string::npos) << r.dump();
        args = job;
        args.insert(args.end(), {"--device", "gpu", "--json"});
        r = run_to_result(args, 2);
        EXPECT_EQ(r["event"], "error") << job[1];
    }
}

} // namespace liveml::clip_test
