#pragma once
// Test support for the streaming pipeline: the real `liveml broker/produce/train` binaries as
// child processes, and a plain librdkafka reader for the topics they write. Every wait is
// bounded.
#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "bounded_wait.hpp"

namespace liveml::stream::testing {

using namespace std::chrono_literals;

// A fresh directory for one test's logs and files.
std::filesystem::path scratch_dir(const std::string& name);

// Bounded polling (tests/support).
using liveml::testing::wait_until;

std::string read_text(const std::filesystem::path& path);

// A child process with stdout and stderr captured in files. The destructor stops it if it is
// still running (SIGTERM, SIGKILL after 15 s).
class Child {
  public:
    Child(std::vector<std::string> argv, const std::filesystem::path& log_prefix);
    ~Child();
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;

    void signal(int sig);
    // Exit status (or 128 + signal), or -1 if still running after timeout.
    int wait(std::chrono::milliseconds timeout);
    bool running();
    std::string out() const { return read_text(out_path_); }
    std::string err() const { return read_text(err_path_); }
    pid_t pid() const noexcept { return pid_; }

  private:
    pid_t pid_ = -1;
    int status_ = -1;
    std::filesystem::path out_path_, err_path_;
};

// `liveml <args…>` (LIVEML_CLI_PATH).
std::vector<std::string> liveml_args(std::vector<std::string> args);

// Starts `liveml broker` and returns its bootstrap address. The default engine is Apache Kafka,
// whose JVM takes seconds to start (formatting its storage too): waits up to 120 s.
std::string start_broker(Child& broker);

// Seconds from the start of `trainer` (a Child just constructed) until it logged its first
// partition assignment; a negative number when none came within `timeout`.
double seconds_until_assigned(const Child& trainer, std::chrono::milliseconds timeout);

// Runs `liveml produce --brokers B <extra…>` to completion (bounded); returns its exit code.
int produce(const std::string& bootstrap, const std::filesystem::path& log_prefix,
            std::vector<std::string> extra, std::chrono::milliseconds timeout = 60s);

// The trainer with test settings (fast group rejoin, checkpoints every 0.5 s by default).
std::vector<std::string> train_args(const std::string& bootstrap, const std::string& redis_uri,
                                    std::vector<std::string> extra = {},
                                    const std::string& checkpoint_interval_s = "0.5");

struct TopicMessage {
    std::int32_t partition = 0;
    std::int64_t offset = 0;
    std::string key;
    std::string value;
};

// Every committed message (isolation.level=read_committed) of topic from the beginning of each
// partition: returns once `expected`
// messages have arrived and then `quiet` passed without another one, or at timeout.
std::vector<TopicMessage> read_topic(const std::string& bootstrap, const std::string& topic,
                                     std::size_t expected, std::chrono::milliseconds timeout,
                                     std::chrono::milliseconds quiet = 1500ms);

// The trainer's latest metrics record (the last JSON line on its stdout), parsed.
struct TrainerProgress {
    std::uint64_t samples_seen = 0;
    std::uint64_t trained = 0;
    std::uint64_t dlq_count = 0;
    std::int64_t model_version = 0;
    std::string redis;
};
bool latest_progress(const Child& trainer, TrainerProgress& out);

// Waits until the trainer reports pred(progress); false at timeout.
bool wait_for_progress(const Child& trainer,
                       const std::function<bool(const TrainerProgress&)>& pred,
                       std::chrono::milliseconds timeout);

} // namespace liveml::stream::testing
