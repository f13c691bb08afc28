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
#include "stream/mock_broker.hpp"

namespace liveml::cli {

void register_broker(CLI::App& root) {
    auto* cmd = root.add_subcommand("broker", "Run a local Kafka-protocol broker (librdkafka mock "
                                              "cluster) with the pipeline's topics");
    struct Options {
        int port = 0;
        int partitions = 4;
    };
    auto opts = std::make_shared<Options>();
    cmd->add_option("--port", opts->port,
                    "Bootstrap port on 127.0.0.1 (0: a free port chosen by the OS). The mock "
                    "cluster itself listens on an OS-chosen port that metadata advertises; the "
                    "chosen port relays to it")
        ->check(CLI::Range(0, 65535));
    cmd->add_option("--partitions", opts->partitions, "Partitions of every topic")
        ->check(CLI::Range(1, 1000));
    cmd->footer(help_footer("  liveml broker --partitions 4\n"
                            "  (prints bootstrap=127.0.0.1:PORT, then serves until Ctrl-C)\n"));
    cmd->callback([opts] {
        InterruptFlag interrupt;
        stream::MockBrokerOptions options;
        options.partitions = opts->partitions;
        options.port = opts->port;
        options.topics = stream::pipeline_topics();
        stream::MockBroker broker(std::move(options));
        std::cout << "bootstrap=" << broker.bootstrap() << std::endl;
        std::cerr << "liveml broker: topics";
        for (const auto& topic : stream::pipeline_topics())
            std::cerr << ' ' << topic;
        std::cerr << " with " << opts->partitions << " partition(s); Ctrl-C stops\n";
        while (!interrupt.raised())
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        std::cerr << "liveml broker: stopped\n";
    });
}

} // namespace liveml::cli
