#include "stream/kafka_broker.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <thread>

#include "common/free_port.hpp"
#include "stream/kraft_properties.hpp"

namespace liveml::stream {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kLogTailBytes = 3000;
constexpr auto kProbeTimeout = std::chrono::milliseconds(1000);

// Kafka binds with SO_REUSEADDR, so a port in TIME_WAIT from our previous run is fine, and a
// port someone listens on is not: checked here, a clear error instead of a JVM stack trace.
bool can_listen(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return false;
    const int on = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    const bool ok = ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    ::close(fd);
    return ok;
}

void write_file(const fs::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::trunc);
    out << text;
    if (!out) throw KafkaError("cannot write " + path.string());
}

fs::path make_temporary_dir() {
    std::string pattern = (fs::temp_directory_path() / "liveml-kafka-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr)
        throw KafkaError("cannot create a temporary folder for the broker's data");
    return pattern;
}

// The JVM's options: a desktop-sized heap and a collector that needs no spare cores.
std::vector<std::string> java_command(const KafkaInstall& install, const fs::path& log4j) {
    return {install.java,
            "-Xmx512m",
            "-Xms64m",
            "-XX:+UseSerialGC",
            "-Djava.awt.headless=true",
            "-Dlog4j.configuration=file:" + log4j.string(),
            "-cp",
            (install.libs / "*").string()};
}

} // namespace

KafkaBroker::KafkaBroker(const KafkaInstall& install, KafkaBrokerOptions options)
    : install_(install), options_(std::move(options)) {
    if (options_.partitions < 1 || options_.partitions > 1000)
        throw KafkaError("partitions must be 1..1000, got " + std::to_string(options_.partitions));
    own_data_dir_ = options_.data_dir.empty();
    data_dir_ = own_data_dir_ ? make_temporary_dir() : options_.data_dir;
    try {
        std::error_code error;
        fs::create_directories(data_dir_ / "kraft", error);
        if (error)
            throw KafkaError("cannot create the broker's data folder " + data_dir_.string() + ": " +
                             error.message());
        const int port = options_.port != 0 ? options_.port : pick_free_port();
        if (!can_listen(port))
            throw KafkaError("cannot listen on 127.0.0.1:" + std::to_string(port) +
                             ": the port is in use");
        bootstrap_ = "127.0.0.1:" + std::to_string(port);
        const auto properties = data_dir_ / "server.properties";
        write_file(properties, kraft_server_properties({data_dir_ / "kraft", port, pick_free_port(),
                                                        options_.partitions}));
        write_file(data_dir_ / "log4j.properties", kraft_log4j_properties());
        if (!fs::exists(data_dir_ / "kraft" / "meta.properties")) format_storage(properties);

        // The previous run's log stays beside the new one for a look after a crash.
        if (fs::exists(log_file())) fs::rename(log_file(), data_dir_ / "broker.log.1", error);
        report("starting Apache Kafka " + std::string(kKafkaVersion) + " on " + bootstrap_);
        auto command = java_command(install_, data_dir_ / "log4j.properties");
        command.push_back("kafka.Kafka");
        command.push_back(properties.string());
        process_ = std::make_unique<ChildProcess>(command, log_file());
        wait_until_serving();
    } catch (...) {
        stop();
        if (own_data_dir_) fs::remove_all(data_dir_);
        throw;
    }
}

KafkaBroker::~KafkaBroker() {
    stop();
    if (own_data_dir_) {
        std::error_code ignored;
        fs::remove_all(data_dir_, ignored);
    }
}

void KafkaBroker::stop() {
    if (process_) process_->stop(options_.stop_timeout);
    process_.reset();
}

void KafkaBroker::report(std::string_view stage) const {
    if (options_.progress) options_.progress(stage);
}

[[noreturn]] void KafkaBroker::fail(const std::string& why) {
    throw KafkaError(why + "; " + log_file().string() + " ends with:\n" +
                     file_tail(log_file(), kLogTailBytes));
}

void KafkaBroker::format_storage(const fs::path& properties) {
    report("formatting new storage in " + data_dir_.string());
    auto command = java_command(install_, data_dir_ / "log4j.properties");
    for (const std::string arg : {"kafka.tools.StorageTool", "format", "--ignore-formatted", "-t"})
        command.push_back(arg);
    command.push_back(new_cluster_id());
    command.push_back("-c");
    command.push_back(properties.string());
    ChildProcess format(command, log_file());
    const auto deadline = std::chrono::steady_clock::now() + options_.start_timeout;
    while (format.running()) {
        if (std::chrono::steady_clock::now() >= deadline) {
            format.stop(std::chrono::milliseconds(1000));
            fail("formatting the broker's storage took too long");
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    if (format.exit_status() != 0)
        fail("formatting the broker's storage failed (exit " +
             std::to_string(format.exit_status()) + ")");
}

void KafkaBroker::wait_until_serving() {
    report("waiting for the broker to answer");
    // librdkafka logs every refused connection while the JVM starts: no log callback, silence.
    KafkaConf conf = make_conf({{"bootstrap.servers", bootstrap_},
                                {"reconnect.backoff.ms", "50"},
                                {"reconnect.backoff.max.ms", "200"}});
    rd_kafka_conf_set_log_cb(conf.get(), nullptr);
    KafkaHandle client = make_handle(RD_KAFKA_PRODUCER, std::move(conf));
    const auto deadline = std::chrono::steady_clock::now() + options_.start_timeout;
    for (;;) {
        if (!process_->running())
            fail("the broker exited while starting (status " +
                 std::to_string(process_->exit_status()) + ")");
        const rd_kafka_metadata_t* metadata = nullptr;
        if (rd_kafka_metadata(client.get(), 1, nullptr, &metadata,
                              static_cast<int>(kProbeTimeout.count())) ==
            RD_KAFKA_RESP_ERR_NO_ERROR) {
            const bool has_broker = metadata->broker_cnt > 0;
            rd_kafka_metadata_destroy(metadata);
            if (has_broker) break;
        }
        if (std::chrono::steady_clock::now() >= deadline)
            fail("the broker did not answer on " + bootstrap_ + " within " +
                 std::to_string(options_.start_timeout.count() / 1000) + " s");
    }
    report("creating topics");
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    try {
        create_topics(client.get(), options_.topics,
                      std::max(left, std::chrono::milliseconds(5000)));
    } catch (const KafkaError& e) {
        fail(e.what());
    }
    report("serving on " + bootstrap_);
}

} // namespace liveml::stream
