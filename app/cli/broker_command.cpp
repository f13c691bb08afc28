// `liveml broker`: a local Kafka broker for the pipeline, its topics created up front. Engine
// `kafka` runs Apache Kafka (KRaft) from the jars scripts/install-kafka.sh fetched; `mock` is
// librdkafka's in-process mock cluster for machines without Java. Prints one machine-readable
// line, then serves until SIGINT/SIGTERM or until its parent dies.
#include <CLI/CLI.hpp>

#include <sys/prctl.h>

#include <chrono>
#include <csignal>
#include <iostream>
#include <optional>
#include <thread>

#include "commands.hpp"
#include "help_footer.hpp"
#include "interrupt_flag.hpp"
#include "job_reporter.hpp"
#include "json_output.hpp"
#include "stream/kafka_broker.hpp"
#include "stream/mock_broker.hpp"
#include "stream/topics.hpp"

namespace liveml::cli {
namespace {

struct BrokerOptions {
    int port = 0;
    int partitions = 4;
    std::string data_dir;
    std::string engine; // empty: kafka when Java and the jars are there, else mock
    bool json = false;
};

void serve_until_interrupted(const InterruptFlag& interrupt) {
    while (!interrupt.raised())
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
}

// Text mode keeps the one line scripts and the studio read: bootstrap=HOST:PORT.
void announce(JobReporter& reporter, const std::string& bootstrap, const std::string& engine,
              int partitions) {
    if (reporter.json())
        reporter.item("listening",
                      JsonObject{}.add("bootstrap", bootstrap).add("engine", engine));
    else
        std::cout << "bootstrap=" << bootstrap << std::endl;
    std::string topics;
    for (const auto& topic : stream::pipeline_topics())
        topics += ' ' + topic;
    reporter.note(engine + " engine, topics" + topics + " with " + std::to_string(partitions) +
                  " partition(s); Ctrl-C stops");
}

void run_kafka(const BrokerOptions& opts, const stream::KafkaInstall& install,
               const InterruptFlag& interrupt, JobReporter& reporter) {
    stream::KafkaBrokerOptions options;
    options.data_dir = opts.data_dir;
    options.port = opts.port;
    options.partitions = opts.partitions;
    for (const auto& topic : stream::pipeline_topics())
        options.topics.push_back({topic, opts.partitions, {}});
    options.topics.push_back(stream::checkpoint_topic_spec());
    options.progress = [&reporter](std::string_view stage) { reporter.note(stage); };
    stream::KafkaBroker broker(install, std::move(options));
    reporter.note("data in " + broker.data_dir().string() +
                  (opts.data_dir.empty() ? " (removed on exit; --data-dir keeps it)" : "") +
                  ", log " + broker.log_file().string());
    announce(reporter, broker.bootstrap(), "kafka", opts.partitions);
    while (!interrupt.raised()) {
        if (!broker.running())
            throw stream::KafkaError("the Kafka broker exited; see " + broker.log_file().string());
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    reporter.note("stopping Kafka");
    broker.stop();
}

void run_mock(const BrokerOptions& opts, const InterruptFlag& interrupt, JobReporter& reporter) {
    stream::MockBrokerOptions options;
    options.partitions = opts.partitions;
    options.port = opts.port;
    options.topics = stream::pipeline_topics();
    stream::MockBroker broker(std::move(options));
    announce(reporter, broker.bootstrap(), "mock", opts.partitions);
    serve_until_interrupted(interrupt);
}

void run_broker(const BrokerOptions& opts, JobReporter& reporter) {
    // Whoever started us (the studio, a test) may die without stopping us: SIGTERM then, so
    // the JVM still gets its clean shutdown.
    ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    InterruptFlag interrupt;
    std::string why;
    const auto install = stream::find_kafka_install(why);
    std::string engine = opts.engine;
    if (engine.empty()) {
        engine = install ? "kafka" : "mock";
        if (!install) reporter.note(why + "; using the mock engine");
    }
    if (engine == "kafka") {
        if (!install) throw stream::KafkaError(why);
        run_kafka(opts, *install, interrupt, reporter);
    } else {
        if (!opts.data_dir.empty())
            reporter.note("the mock engine keeps nothing on disk; --data-dir ignored");
        run_mock(opts, interrupt, reporter);
    }
    reporter.note("stopped");
    if (reporter.json()) reporter.result(JsonObject{}.add("stopped", true));
}

} // namespace

void register_broker(CLI::App& root) {
    auto* cmd = root.add_subcommand(
        "broker", "Run a local Kafka broker (Apache Kafka, or librdkafka's mock cluster) with "
                  "the pipeline's topics");
    auto opts = std::make_shared<BrokerOptions>();
    cmd->add_option("--port", opts->port,
                    "Client port on 127.0.0.1 (0: a free port chosen by the OS)")
        ->check(CLI::Range(0, 65535));
    cmd->add_option("--partitions", opts->partitions, "Partitions of every pipeline topic")
        ->check(CLI::Range(1, 1000));
    cmd->add_option("--data-dir", opts->data_dir,
                    "Kafka engine: storage folder, formatted on first use; the same folder (and "
                    "--port) on a restart brings the topics and their data back. Default: a "
                    "temporary folder removed on exit");
    cmd->add_option("--engine", opts->engine,
                    "kafka: Apache Kafka " + std::string(stream::kKafkaVersion) +
                        " in KRaft mode (needs Java and scripts/install-kafka.sh); mock: "
                        "librdkafka's in-memory mock cluster (no transactions to rely on, keeps "
                        "~5 MiB per partition, nothing on disk). Default: kafka when installed")
        ->check(CLI::IsMember({"kafka", "mock"}));
    add_json_flag(*cmd, opts->json);
    cmd->footer(help_footer("  liveml broker --partitions 4\n"
                            "  liveml broker --port 9092 --data-dir ~/.local/share/liveml/kafka\n"
                            "  (prints bootstrap=127.0.0.1:PORT, then serves until Ctrl-C)\n"));
    cmd->callback([opts] {
        JobReporter reporter(opts->json, "liveml broker");
        run_job(reporter, [&] { run_broker(*opts, reporter); });
    });
}

} // namespace liveml::cli
