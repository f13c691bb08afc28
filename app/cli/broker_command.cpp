// `liveml broker`: librdkafka's mock cluster as a local Kafka-protocol broker for the pipeline,
// with its topics created up front. Prints one machine-readable line, then serves until
// SIGINT/SIGTERM.
#include <CLI/CLI.hpp>

#include <chrono>
#include <iostream>
#include <thread>

#include "commands.hpp"
#include "help_footer.hpp"
#include "interrupt_flag.hpp"
#include "job_reporter.hpp"
#include "json_output.hpp"
#include "stream/mock_broker.hpp"

namespace liveml::cli {

void register_broker(CLI::App& root) {
    auto* cmd = root.add_subcommand("broker", "Run a local Kafka-protocol broker (librdkafka mock "
                                              "cluster) with the pipeline's topics");
    struct Options {
        int port = 0;
        int partitions = 4;
        bool json = false;
    };
    auto opts = std::make_shared<Options>();
    cmd->add_option("--port", opts->port,
                    "Bootstrap port on 127.0.0.1 (0: a free port chosen by the OS). The mock "
                    "cluster itself listens on an OS-chosen port that metadata advertises; the "
                    "chosen port relays to it")
        ->check(CLI::Range(0, 65535));
    cmd->add_option("--partitions", opts->partitions, "Partitions of every topic")
        ->check(CLI::Range(1, 1000));
    add_json_flag(*cmd, opts->json);
    cmd->footer(help_footer("  liveml broker --partitions 4\n"
                            "  (prints bootstrap=127.0.0.1:PORT, then serves until Ctrl-C)\n"));
    cmd->callback([opts] {
        JobReporter reporter(opts->json, "liveml broker");
        run_job(reporter, [&] {
            InterruptFlag interrupt;
            stream::MockBrokerOptions options;
            options.partitions = opts->partitions;
            options.port = opts->port;
            options.topics = stream::pipeline_topics();
            stream::MockBroker broker(std::move(options));
            // Text mode keeps the one line scripts and the studio read: bootstrap=HOST:PORT.
            if (reporter.json())
                reporter.item("listening", JsonObject{}.add("bootstrap", broker.bootstrap()));
            else
                std::cout << "bootstrap=" << broker.bootstrap() << std::endl;
            std::string topics;
            for (const auto& topic : stream::pipeline_topics())
                topics += ' ' + topic;
            reporter.note("topics" + topics + " with " + std::to_string(opts->partitions) +
                          " partition(s); Ctrl-C stops");
            while (!interrupt.raised())
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            reporter.note("stopped");
            if (reporter.json()) reporter.result(JsonObject{}.add("stopped", true));
        });
    });
}

} // namespace liveml::cli
