// The `liveml clip` jobs as the studio runs them: child processes speaking JSON lines.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <optional>
#include <poll.h>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using Clock = std::chrono::steady_clock;

fs::path test_dir(const std::string& name) {
    const auto dir = fs::path(LIVEML_TEST_BINARY_DIR) / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

// A `liveml` child whose stdout we read line by line with a deadline.
class Job {
  public:
    explicit Job(std::vector<std::string> args) {
        int fds[2];
        if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
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

    void signal(int sig) { kill(pid_, sig); }

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

json run_to_result(std::vector<std::string> args, int expected_exit = 0) {
    Job job(std::move(args));
    const auto events = job.events(std::chrono::seconds(120));
    EXPECT_EQ(job.wait_exit(std::chrono::seconds(10)), expected_exit);
    if (events.empty()) return {};
    return events.back();
}

// One model trained once (interrupted by SIGTERM, then resumed) serves every test below.
class ClipCli : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        model_ = test_dir("cli-model");
        // 6,400 items in batches of 64: 100 steps, enough to interrupt after the first report.
        const std::vector<std::string> args{"clip",         "train",
                                            "--dataset",    "fashion-mnist",
                                            "--out",        model_.string(),
                                            "--epochs",     "1",
                                            "--batch-size", "64",
                                            "--max-items",  "6400",
                                            "--threads",    "1",
                                            "--json"};
        Job first(args);
        bool training = false;
        while (const auto line = first.next_line(std::chrono::seconds(90))) {
            const auto event = json::parse(*line);
            if (event["event"] == "progress" && event["phase"] == "train") {
                training = true;
                break;
            }
        }
        ASSERT_TRUE(training) << "no training progress within the deadline";
        const auto term_at = Clock::now();
        first.signal(SIGTERM);
        const auto rest = first.events(std::chrono::seconds(30));
        const int code = first.wait_exit(std::chrono::seconds(10));
        stop_seconds_ = std::chrono::duration<double>(Clock::now() - term_at).count();
        stop_exit_ = code;
        if (!rest.empty()) stop_result_ = rest.back();
        std::ifstream state(model_ / "training_state.json");
        if (state) state >> checkpoint_;

        auto resume_args = args;
        resume_args.push_back("--resume");
        resumed_ = run_to_result(resume_args);
    }

    static inline fs::path model_;
    static inline double stop_seconds_ = 0;
    static inline int stop_exit_ = -1;
    static inline json stop_result_, checkpoint_, resumed_;
};

TEST_F(ClipCli, SigtermStopsQuicklyWithAResumableCheckpoint) {
    EXPECT_EQ(stop_exit_, 130);
    EXPECT_LT(stop_seconds_, 3.0);
    EXPECT_EQ(stop_result_["event"], "result");
    EXPECT_EQ(stop_result_["stopped"], true);
    ASSERT_TRUE(checkpoint_.is_object());
    const auto step = checkpoint_["step"].get<int>();
    EXPECT_GT(step, 0);
    EXPECT_LT(step, checkpoint_["total"].get<int>());
    EXPECT_EQ(stop_result_["step"], step);
}

TEST_F(ClipCli, ResumeContinuesFromTheCheckpoint) {
    EXPECT_EQ(resumed_["event"], "result");
    EXPECT_EQ(resumed_["start_step"], checkpoint_["step"]);
    EXPECT_EQ(resumed_["step"], resumed_["total"]);
    EXPECT_EQ(resumed_["stopped"], false);
}

TEST_F(ClipCli, EvalJsonHasTheRequiredFields) {
    const auto r = run_to_result({"clip", "eval", "--model", model_.string(), "--dataset",
                                  "fashion-mnist", "--split", "test", "--max-items", "600",
                                  "--latency-queries", "20", "--json"});
    ASSERT_EQ(r["event"], "result") << r.dump();
    for (const char* k : {"top1", "top5", "mean_per_class_recall"})
        EXPECT_TRUE(r["zeroshot"][k].is_number()) << k;
    for (const char* dir : {"t2i", "i2t"})
        for (const char* k : {"R@1", "R@5", "R@10"})
            EXPECT_TRUE(r["retrieval"][dir][k].is_number()) << dir << k;
    for (const char* k : {"mrr", "map", "ndcg@10"})
        EXPECT_TRUE(r["retrieval"][k].is_number()) << k;
    EXPECT_TRUE(r["latency_ms"]["p50"].is_number());
    EXPECT_TRUE(r["latency_ms"]["p95"].is_number());
    EXPECT_GT(r["qps"].get<double>(), 0);
    // One short epoch already separates the classes far better than chance (10%).
    EXPECT_GT(r["zeroshot"]["top1"].get<double>(), 0.3);
}

void write_pgm(const fs::path& path, int seed) {
    std::ofstream out(path, std::ios::binary);
    out << "P5\n28 28\n255\n";
    for (int i = 0; i < 28 * 28; ++i)
        out.put(static_cast<char>((i * seed) % 256));
}

TEST_F(ClipCli, FolderIndexIsIncrementalAndSearchable) {
    const auto gallery = test_dir("cli-gallery");
    const auto index = test_dir("cli-index") / "idx";
    for (int i = 1; i <= 3; ++i)
        write_pgm(gallery / ("img" + std::to_string(i) + ".pgm"), i);
    const std::vector<std::string> args{"clip",          "index",          "--model",
                                        model_.string(), "--index",        index.string(),
                                        "--gallery",     gallery.string(), "--json"};
    auto r = run_to_result(args);
    EXPECT_EQ(r["added"], 3);
    EXPECT_EQ(r["size"], 3);
    fs::remove(gallery / "img2.pgm");
    write_pgm(gallery / "img4.pgm", 4);
    r = run_to_result(args);
    EXPECT_EQ(r["added"], 1);
    EXPECT_EQ(r["removed"], 1);
    EXPECT_EQ(r["unchanged"], 2);
    EXPECT_EQ(r["size"], 3);

    std::ofstream(gallery / "captions.txt") << "a photo of a bag.\na photo of a sneaker.\n";
    r = run_to_result({"clip", "search", "--model", model_.string(), "--index", index.string(),
                       "--text", "a photo of a shirt.", "--image", (gallery / "img1.pgm").string(),
                       "--captions", (gallery / "captions.txt").string(), "--top-k", "2",
                       "--json"});
    ASSERT_EQ(r["results"].size(), 2u) << r.dump();
    EXPECT_EQ(r["results"][0]["images"].size(), 2u);
    EXPECT_EQ(r["results"][1]["captions"].size(), 2u);
    EXPECT_EQ(r["results"][1]["images"][0]["path"], "img1.pgm"); // an image finds itself
}

TEST_F(ClipCli, ErrorsAreJsonEventsWithExitCodes) {
    auto r = run_to_result({"clip", "eval", "--model", "/nonexistent", "--json"}, 1);
    EXPECT_EQ(r["event"], "error");
    EXPECT_NE(r["message"].get<std::string>().find("/nonexistent"), std::string::npos);
    r = run_to_result({"clip", "eval", "--model", model_.string(), "--device", "tpu", "--json"}, 2);
    EXPECT_EQ(r["event"], "error");
}

} // namespace
