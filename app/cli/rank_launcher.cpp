#include "rank_launcher.hpp"

#include "cli_main.hpp"
#include "exit_codes.hpp"
#include "interrupt_flag.hpp"
#include "job_reporter.hpp"

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <signal.h>
#include <stdexcept>
#include <string>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

extern char** environ;

namespace liveml::cli {
namespace {

using Clock = std::chrono::steady_clock;

constexpr const char* kRankVar = "LIVEML_RANK";
constexpr const char* kWorldVar = "LIVEML_WORLD_SIZE";
constexpr const char* kPortVar = "LIVEML_STORE_PORT";
constexpr auto kPoll = std::chrono::milliseconds(20);
// After one rank fails the others normally exit at once (their next collective fails); those
// still running after this get SIGTERM, and SIGKILL after kKillAfter more.
constexpr auto kGrace = std::chrono::seconds(10);
constexpr auto kKillAfter = std::chrono::seconds(5);

int status_of(int raw) {
    return WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + WTERMSIG(raw);
}

struct RankProcess {
    pid_t pid = -1;
    int status = -1; // -1 while running
    bool killed = false;
};

// Starts one rank: this executable with the launcher's arguments, stdout kept for rank 0.
pid_t start_rank(const std::vector<std::string>& argv, int rank, int world_size, int port) {
    std::vector<std::string> env_text;
    for (char** e = environ; *e != nullptr; ++e) {
        const std::string_view entry(*e);
        if (entry.starts_with(std::string(kRankVar) + "=") ||
            entry.starts_with(std::string(kWorldVar) + "=") ||
            entry.starts_with(std::string(kPortVar) + "="))
            continue;
        env_text.emplace_back(entry);
    }
    env_text.push_back(std::string(kRankVar) + "=" + std::to_string(rank));
    env_text.push_back(std::string(kWorldVar) + "=" + std::to_string(world_size));
    env_text.push_back(std::string(kPortVar) + "=" + std::to_string(port));
    // Everything the child needs is built before fork: only async-signal-safe calls after it.
    std::vector<char*> args, env;
    for (const auto& a : argv)
        args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    for (const auto& e : env_text)
        env.push_back(const_cast<char*>(e.c_str()));
    env.push_back(nullptr);
    const pid_t parent = ::getpid();
    const pid_t child = ::fork();
    if (child < 0)
        throw std::runtime_error(std::string("cannot fork a rank: ") + std::strerror(errno));
    if (child == 0) {
        // A launcher killed with -9 takes its ranks along (they checkpoint on SIGTERM).
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (::getppid() != parent) ::_exit(127);
        if (rank != 0) {
            const int null = ::open("/dev/null", O_WRONLY);
            if (null >= 0) ::dup2(null, STDOUT_FILENO);
        }
        ::execve(args[0], args.data(), env.data());
        ::_exit(127);
    }
    return child;
}

void signal_running(std::vector<RankProcess>& ranks, int sig) {
    for (auto& r : ranks)
        if (r.status < 0) {
            ::kill(r.pid, sig);
            if (sig == SIGKILL) r.killed = true;
        }
}

bool reap(std::vector<RankProcess>& ranks) {
    bool running = false;
    for (auto& r : ranks) {
        if (r.status >= 0) continue;
        int raw = 0;
        if (::waitpid(r.pid, &raw, WNOHANG) == r.pid)
            r.status = status_of(raw);
        else
            running = true;
    }
    return running;
}

// An exit other than success or a clean stop (a running rank, status -1, has not failed).
bool failed(int status) {
    return status >= 0 && status != kOk && status != kInterrupted;
}

// Why the job failed when rank 0 could not say it itself: the first rank that did not just
// lose its peers.
std::string cause(const std::vector<RankProcess>& ranks, int timeout_s) {
    for (std::size_t i = 0; i < ranks.size(); ++i) {
        const auto& r = ranks[i];
        if (!failed(r.status) || r.status == kRankLostExit) continue;
        const auto name = "rank " + std::to_string(i);
        if (r.killed)
            return name + " stopped answering (the other ranks' collectives timed out after " +
                   std::to_string(timeout_s) + " s) and was killed";
        if (r.status > 128)
            return name + " was killed by signal " + std::to_string(r.status - 128) + " (" +
                   ::strsignal(r.status - 128) + ")";
        if (r.status == 127) return name + " could not be started";
        return name + " failed with exit code " + std::to_string(r.status) +
               " (its error is above, on stderr)";
    }
    return "the ranks lost contact with each other (a collective failed or timed out after " +
           std::to_string(timeout_s) + " s)";
}

} // namespace

std::optional<clip::ProcessRank> rank_from_environment(int world_size, int timeout_s) {
    const char* rank = std::getenv(kRankVar);
    if (rank == nullptr) return std::nullopt;
    const char* world = std::getenv(kWorldVar);
    const char* port = std::getenv(kPortVar);
    clip::ProcessRank r;
    try {
        r.rank = std::stoi(rank);
        r.world_size = std::stoi(world != nullptr ? world : "");
        r.store_port = std::stoi(port != nullptr ? port : "");
    } catch (const std::exception&) {
        throw std::runtime_error(std::string(kRankVar) + ", " + kWorldVar + " and " + kPortVar +
                                 " must be numbers (set by the --nproc launcher)");
    }
    if (r.world_size != world_size || r.rank < 0 || r.rank >= world_size || r.store_port <= 0 ||
        r.store_port > 65535)
        throw std::runtime_error("the rank environment (" + std::string(kRankVar) + "=" + rank +
                                 ") does not match --nproc " + std::to_string(world_size));
    r.timeout_s = timeout_s;
    return r;
}

void launch_ranks(int world_size, int timeout_s, JobReporter& reporter) {
    const clip::RendezvousStore store(timeout_s);
    auto argv = command_line();
    argv.at(0) = std::filesystem::read_symlink("/proc/self/exe").string();
    const InterruptFlag interrupt;
    std::vector<RankProcess> ranks(static_cast<std::size_t>(world_size));
    for (int r = 0; r < world_size; ++r)
        ranks[static_cast<std::size_t>(r)].pid = start_rank(argv, r, world_size, store.port());
    reporter.note(std::to_string(world_size) +
                  " ranks started (rendezvous 127.0.0.1:" + std::to_string(store.port()) + ")");

    bool forwarded = false;
    std::optional<Clock::time_point> terminate_at, kill_at;
    while (reap(ranks)) {
        if (interrupt.raised() && !forwarded) {
            signal_running(ranks, SIGTERM);
            forwarded = true;
        }
        const bool any_failed = std::any_of(ranks.begin(), ranks.end(),
                                            [](const RankProcess& r) { return failed(r.status); });
        const auto now = Clock::now();
        if (any_failed && !terminate_at) terminate_at = now + kGrace;
        if (terminate_at && now >= *terminate_at && !kill_at) {
            signal_running(ranks, SIGTERM);
            kill_at = now + kKillAfter;
        }
        if (kill_at && now >= *kill_at) signal_running(ranks, SIGKILL);
        std::this_thread::sleep_for(kPoll);
    }

    const int first = ranks.front().status;
    const bool all_fine = std::none_of(ranks.begin(), ranks.end(),
                                       [](const RankProcess& r) { return failed(r.status); });
    if (all_fine) {
        if (first != kOk) throw CLI::RuntimeError(first); // interrupted: rank 0 said so
        return;
    }
    // Rank 0 reported its own error (or partial result) on stdout: that is the job's outcome.
    if (first == kFailure || first == kUsage || first == kPartial) throw CLI::RuntimeError(first);
    throw std::runtime_error(cause(ranks, timeout_s) +
                             "; the other ranks stopped. The last checkpoint in --out is intact "
                             "(continue with --resume).");
}

} // namespace liveml::cli
