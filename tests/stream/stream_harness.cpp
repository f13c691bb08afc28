#include "stream_harness.hpp"

#include <librdkafka/rdkafka.h>
#include <signal.h>
#include <simdjson.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <stdexcept>

extern char** environ;

namespace liveml::stream::testing {

namespace fs = std::filesystem;

fs::path scratch_dir(const std::string& name) {
    auto dir =
        fs::temp_directory_path() / ("liveml-stream-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

Child::Child(std::vector<std::string> argv, const fs::path& log_prefix)
    : out_path_(log_prefix.string() + ".out"), err_path_(log_prefix.string() + ".err") {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, out_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0644);
    posix_spawn_file_actions_addopen(&actions, 2, err_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0644);
    std::vector<char*> args;
    for (auto& arg : argv)
        args.push_back(arg.data());
    args.push_back(nullptr);
    const int rc = posix_spawn(&pid_, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) throw std::runtime_error("cannot start " + argv[0]);
}

Child::~Child() {
    // SIGTERM first: `liveml broker` then stops its JVM and removes its temporary data.
    if (running()) {
        ::kill(pid_, SIGTERM);
        if (wait(15s) < 0) {
            ::kill(pid_, SIGKILL);
            wait(5s);
        }
    }
}

void Child::signal(int sig) {
    if (running()) ::kill(pid_, sig);
}

bool Child::running() {
    if (status_ >= 0) return false;
    int raw = 0;
    const pid_t done = ::waitpid(pid_, &raw, WNOHANG);
    if (done == 0) return true;
    status_ = WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + WTERMSIG(raw);
    return false;
}

int Child::wait(std::chrono::milliseconds timeout) {
    wait_until([this] { return !running(); }, timeout);
    return status_;
}

std::vector<std::string> liveml_args(std::vector<std::string> args) {
    args.insert(args.begin(), LIVEML_CLI_PATH);
    return args;
}

std::string start_broker(Child& broker) {
    std::string bootstrap;
    wait_until(
        [&] {
            const auto text = broker.out();
            const auto at = text.find("bootstrap=");
            const auto end = text.find('\n', at);
            if (at == std::string::npos || end == std::string::npos) return false;
            bootstrap = text.substr(at + 10, end - at - 10);
            return true;
        },
        120s);
    if (bootstrap.empty()) throw std::runtime_error("broker did not start: " + broker.err());
    return bootstrap;
}

double seconds_until_assigned(const Child& trainer, std::chrono::milliseconds timeout) {
    const auto start = std::chrono::steady_clock::now();
    if (!wait_until([&] { return trainer.err().find("assigned") != std::string::npos; }, timeout))
        return -1;
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

int produce(const std::string& bootstrap, const fs::path& log_prefix,
            std::vector<std::string> extra, std::chrono::milliseconds timeout) {
    std::vector<std::string> args{"produce", "--brokers", bootstrap};
    args.insert(args.end(), extra.begin(), extra.end());
    Child producer(liveml_args(args), log_prefix);
    return producer.wait(timeout);
}

std::vector<std::string> train_args(const std::string& bootstrap, const std::string& redis_uri,
                                    std::vector<std::string> extra,
                                    const std::string& checkpoint_interval_s) {
    std::vector<std::string> args{"train",
                                  "--brokers",
                                  bootstrap,
                                  "--redis",
                                  redis_uri,
                                  "--checkpoint-interval",
                                  checkpoint_interval_s,
                                  "--consumer-property",
                                  "session.timeout.ms=6000",
                                  "--consumer-property",
                                  "heartbeat.interval.ms=500"};
    args.insert(args.end(), extra.begin(), extra.end());
    return liveml_args(args);
}

std::vector<TopicMessage> read_topic(const std::string& bootstrap, const std::string& topic,
                                     std::size_t expected, std::chrono::milliseconds timeout,
                                     std::chrono::milliseconds quiet) {
    char error[512];
    rd_kafka_conf_t* conf = rd_kafka_conf_new();
    rd_kafka_conf_set(conf, "bootstrap.servers", bootstrap.c_str(), error, sizeof error);
    rd_kafka_conf_set(conf, "group.id", "liveml-test-reader", error, sizeof error);
    rd_kafka_conf_set(conf, "enable.auto.commit", "false", error, sizeof error);
    rd_kafka_conf_set(conf, "fetch.wait.max.ms", "10", error, sizeof error);
    rd_kafka_conf_set(conf, "isolation.level", "read_committed", error, sizeof error);
    rd_kafka_t* rk = rd_kafka_new(RD_KAFKA_CONSUMER, conf, error, sizeof error);
    if (!rk) throw std::runtime_error(error);

    // Partitions from the topic's metadata; the reader assigns itself all of them (no group).
    rd_kafka_topic_t* handle = rd_kafka_topic_new(rk, topic.c_str(), nullptr);
    const rd_kafka_metadata_t* metadata = nullptr;
    if (rd_kafka_metadata(rk, 0, handle, &metadata, 5000) || metadata->topic_cnt != 1) {
        rd_kafka_topic_destroy(handle);
        rd_kafka_destroy(rk);
        throw std::runtime_error("no metadata for topic " + topic);
    }
    auto* assignment = rd_kafka_topic_partition_list_new(metadata->topics[0].partition_cnt);
    for (int p = 0; p < metadata->topics[0].partition_cnt; ++p)
        rd_kafka_topic_partition_list_add(assignment, topic.c_str(), p)->offset =
            RD_KAFKA_OFFSET_BEGINNING;
    rd_kafka_metadata_destroy(metadata);
    rd_kafka_topic_destroy(handle);
    rd_kafka_assign(rk, assignment);
    rd_kafka_topic_partition_list_destroy(assignment);

    std::vector<TopicMessage> messages;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    auto last_arrival = std::chrono::steady_clock::now();
    while (std::chrono::steady_clock::now() < deadline) {
        if (messages.size() >= expected && std::chrono::steady_clock::now() - last_arrival >= quiet)
            break;
        rd_kafka_message_t* message = rd_kafka_consumer_poll(rk, 100);
        if (!message) continue;
        if (!message->err) {
            messages.push_back(
                {message->partition, message->offset,
                 message->key
                     ? std::string(static_cast<const char*>(message->key), message->key_len)
                     : std::string(),
                 message->payload
                     ? std::string(static_cast<const char*>(message->payload), message->len)
                     : std::string()});
            last_arrival = std::chrono::steady_clock::now();
        }
        rd_kafka_message_destroy(message);
    }
    rd_kafka_consumer_close(rk);
    rd_kafka_destroy(rk);
    return messages;
}

namespace {

std::string last_json_line(const std::string& text) {
    std::size_t end = text.rfind('\n');
    while (end != std::string::npos && end > 0) {
        const std::size_t start = text.rfind('\n', end - 1);
        const std::size_t from = start == std::string::npos ? 0 : start + 1;
        if (text[from] == '{') return text.substr(from, end - from);
        if (start == std::string::npos) break;
        end = start;
    }
    return {};
}

} // namespace

bool latest_progress(const Child& trainer, TrainerProgress& out) {
    const std::string line = last_json_line(trainer.out());
    if (line.empty()) return false;
    simdjson::dom::parser parser;
    simdjson::dom::object object;
    std::string_view redis;
    if (parser.parse(line).get_object().get(object) ||
        object["samples_seen"].get_uint64().get(out.samples_seen) ||
        object["trained"].get_uint64().get(out.trained) ||
        object["dlq_count"].get_uint64().get(out.dlq_count) ||
        object["model_version"].get_int64().get(out.model_version) ||
        object["redis"].get_string().get(redis))
        return false;
    out.redis = redis;
    return true;
}

bool wait_for_progress(const Child& trainer,
                       const std::function<bool(const TrainerProgress&)>& pred,
                       std::chrono::milliseconds timeout) {
    return wait_until(
        [&] {
            TrainerProgress progress;
            return latest_progress(trainer, progress) && pred(progress);
        },
        timeout);
}

} // namespace liveml::stream::testing
