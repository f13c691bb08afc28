#pragma once
#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/child_process.hpp"
#include "stream/kafka_install.hpp"
#include "stream/topic_admin.hpp"

namespace liveml::stream {

struct KafkaBrokerOptions {
    // Storage, server.properties and broker.log. Formatted (a new cluster) on first use; the
    // same folder on a later start brings the same topics and data back. Empty: a fresh
    // temporary folder, removed when the broker is destroyed.
    std::filesystem::path data_dir;
    int port = 0; // clients' port on 127.0.0.1; 0: a free one
    int partitions = 4;
    std::vector<TopicSpec> topics; // created (if missing) before the constructor returns
    std::chrono::milliseconds start_timeout{90000};
    std::chrono::milliseconds stop_timeout{20000};
    // Start-up stages ("formatting storage", "starting the JVM", …), for a status line.
    std::function<void(std::string_view)> progress;
};

// Apache Kafka in KRaft mode (broker and controller in one JVM) as our child process: dies
// with us (see ChildProcess), answers on 127.0.0.1 only. The constructor returns once the
// broker answers metadata requests and the topics exist; it throws KafkaError with the reason
// and the tail of broker.log otherwise. The destructor stops it (controlled shutdown).
class KafkaBroker {
  public:
    KafkaBroker(const KafkaInstall& install, KafkaBrokerOptions options);
    ~KafkaBroker();
    KafkaBroker(const KafkaBroker&) = delete;
    KafkaBroker& operator=(const KafkaBroker&) = delete;

    const std::string& bootstrap() const noexcept { return bootstrap_; } // "127.0.0.1:PORT"
    const std::filesystem::path& data_dir() const noexcept { return data_dir_; }
    std::filesystem::path log_file() const { return data_dir_ / "broker.log"; }
    // False once the JVM has exited (by itself or after stop()).
    bool running() { return process_ && process_->running(); }
    // SIGTERM, the JVM's controlled shutdown, SIGKILL after stop_timeout. Idempotent.
    void stop();

  private:
    void report(std::string_view stage) const;
    void format_storage(const std::filesystem::path& properties);
    void wait_until_serving();
    [[noreturn]] void fail(const std::string& why);

    KafkaInstall install_;
    KafkaBrokerOptions options_;
    std::filesystem::path data_dir_;
    bool own_data_dir_ = false;
    std::string bootstrap_;
    std::unique_ptr<ChildProcess> process_;
};

} // namespace liveml::stream
