#include "store/private_redis_server.hpp"

#include <arpa/inet.h>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <netinet/in.h>
#include <random>
#include <sstream>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

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

int pick_free_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) process_error("cannot create a socket to find a free port: " + errno_text());
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof(address);
    const bool ok = ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0 &&
                    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0;
    const std::string reason = ok ? "" : errno_text();
    ::close(fd);
    if (!ok) process_error("cannot find a free port on 127.0.0.1: " + reason);
    return ntohs(address.sin_port);
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
    if (name.find('/') != std::string::npos) {
        if (::access(name.c_str(), X_OK) == 0) return name;
        process_error("cannot run \"" + name + "\": " + errno_text());
    }
    const char* path = std::getenv("PATH");
    std::istringstream dirs(path != nullptr ? path : "/usr/local/bin:/usr/bin:/bin");
    for (std::string dir; std::getline(dirs, dir, ':');) {
        const auto candidate = (dir.empty() ? std::string(".") : dir) + "/" + name;
        if (::access(candidate.c_str(), X_OK) == 0) return candidate;
    }
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

std::string tail_of(const std::filesystem::path& path, std::size_t max_bytes) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return {};
    in.seekg(0, std::ios::end);
    const auto size = static_cast<std::size_t>(in.tellg());
    const auto start = size > max_bytes ? size - max_bytes : 0;
    in.seekg(static_cast<std::streamoff>(start));
    std::string text(size - start, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    return text;
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
            url_.port = pick_free_port();
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
    const std::string output_path = (data_dir_ / "output.log").string();
    std::vector<char*> argv{executable_path_.data(), const_cast<char*>(config_arg.c_str()),
                            nullptr};
    const pid_t parent = ::getpid();
    const pid_t child = ::fork();
    if (child < 0) process_error("cannot fork to start redis-server: " + errno_text());
    if (child == 0) {
        // Only async-signal-safe calls between fork and exec.
        ::prctl(PR_SET_PDEATHSIG, SIGTERM); // dies with us, even on kill -9
        if (::getppid() != parent) ::_exit(127);
        ::setpgid(0, 0); // Ctrl-C in our terminal is ours to handle, not redis-server's
        sigset_t none;
        sigemptyset(&none);
        ::sigprocmask(SIG_SETMASK, &none, nullptr);
        const int in = ::open("/dev/null", O_RDONLY);
        const int out = ::open(output_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (in >= 0) ::dup2(in, STDIN_FILENO);
        if (out >= 0) {
            ::dup2(out, STDOUT_FILENO);
            ::dup2(out, STDERR_FILENO);
        }
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    pid_ = child;

    const auto deadline = std::chrono::steady_clock::now() + options_.start_timeout;
    std::string last_error = "no answer yet";
    while (std::chrono::steady_clock::now() < deadline) {
        int status = 0;
        if (::waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
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
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    const auto deadline = std::chrono::steady_clock::now() + options_.stop_timeout;
    int status = 0;
    while (::waitpid(pid_, &status, WNOHANG) == 0) {
        if (std::chrono::steady_clock::now() >= deadline) {
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, &status, 0);
            break;
        }
        std::this_thread::sleep_for(kPollInterval);
    }
    pid_ = -1;
}

void PrivateRedisServer::restart() {
    stop();
    launch();
}

std::string PrivateRedisServer::log_tail() const {
    constexpr std::size_t kTailBytes = 2000;
    return tail_of(data_dir_ / "output.log", kTailBytes) +
           tail_of(data_dir_ / "redis.log", kTailBytes);
}

} // namespace liveml::store
