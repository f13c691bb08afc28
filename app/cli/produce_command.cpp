// `liveml produce`: the original data producer. Sends labelled digits (shuffled passes, ts =
// now) or the lines of a JSON-lines file to the source topic at a given rate.
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdint>
#include <iostream>
#include <memory>
#include <thread>

#include "commands.hpp"
#include "digits/digits_dataset.hpp"
#include "help_footer.hpp"
#include "interrupt_flag.hpp"
#include "job_reporter.hpp"
#include "json_output.hpp"
#include "stream/kafka_producer.hpp"
#include "stream/rate_pacer.hpp"
#include "stream/record_source.hpp"
#include "stream/topics.hpp"
#include "stream_options.hpp"

namespace liveml::cli {
namespace {

struct ProduceOptions {
    std::string brokers;
    std::string topic{stream::kSourceTopic};
    double rate = 10;
    std::uint64_t count = 0;
    double duration_s = 0;
    std::string input = "digits";
    std::uint64_t seed = 42;
    std::string drift; // empty: none
    std::uint64_t drift_at = 10000;
    std::uint64_t drift_span = 10000;
    std::vector<std::string> properties;
    bool json = false;
};

std::unique_ptr<stream::RecordSource> open_source(const ProduceOptions& opts) {
    if (opts.input == "digits") {
        stream::DriftScenario drift;
        if (!opts.drift.empty())
            drift = {*stream::drift_scenario_kind(opts.drift), opts.drift_at, opts.drift_span};
        return std::make_unique<stream::DigitsRecordSource>(
            digits::load_digits_csv(digits::bundled_digits_path()), opts.seed, drift);
    }
    return std::make_unique<stream::JsonLinesRecordSource>(opts.input);
}

void produce(const ProduceOptions& opts, JobReporter& reporter) {
    InterruptFlag interrupt;
    auto source = open_source(opts);
    stream::KafkaProducer producer(kafka_properties(opts.brokers, opts.properties));
    stream::RatePacer pacer(opts.rate);

    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    const auto deadline = opts.duration_s > 0
                              ? start + std::chrono::duration_cast<Clock::duration>(
                                            std::chrono::duration<double>(opts.duration_s))
                              : Clock::time_point::max();
    const auto stop = [&] { return interrupt.raised() || Clock::now() >= deadline; };
    std::uint64_t sent = 0;
    while ((opts.count == 0 || sent < opts.count) && !stop()) {
        const std::uint64_t wanted =
            opts.count ? std::min<std::uint64_t>(opts.count - sent, 1024) : std::uint64_t{1024};
        const std::uint64_t granted = pacer.take(wanted);
        if (granted == 0) {
            std::this_thread::sleep_for(pacer.until_next());
            continue;
        }
        for (std::uint64_t i = 0; i < granted; ++i) {
            if (!producer.send(opts.topic, {}, source->next(), [&] { return interrupt.raised(); }))
                break;
            ++sent;
        }
        producer.poll();
    }
    const bool flushed = producer.flush(std::chrono::seconds(30));
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    if (reporter.json())
        reporter.result(JsonObject{}
                            .add("produced", sent)
                            .add("delivered", producer.delivered())
                            .add("failed", producer.failed())
                            .add("seconds", seconds)
                            .add("stopped", interrupt.raised()));
    else
        std::cout << "produced=" << sent << " delivered=" << producer.delivered()
                  << " failed=" << producer.failed() << " seconds=" << seconds << std::endl;
    if (!flushed || producer.failed() > 0)
        throw std::runtime_error(std::to_string(sent - producer.delivered()) +
                                 " record(s) not delivered");
    if (interrupt.raised()) throw CLI::RuntimeError(kInterrupted);
}

void run_produce(const ProduceOptions& opts) {
    JobReporter reporter(opts.json, "liveml produce");
    run_job(reporter, [&] { produce(opts, reporter); });
}

} // namespace

void register_produce(CLI::App& root) {
    auto* cmd = root.add_subcommand("produce", "Send labelled digit records to Kafka (the "
                                               "original data producer)");
    auto opts = std::make_shared<ProduceOptions>();
    cmd->add_option("--brokers", opts->brokers, "Kafka bootstrap servers, e.g. 127.0.0.1:9092")
        ->required();
    cmd->add_option("--topic", opts->topic, "Topic to write")->capture_default_str();
    cmd->add_option("--rate", opts->rate, "Records per second; 0 sends as fast as possible")
        ->check(CLI::Range(0.0, 1e9))
        ->capture_default_str();
    auto* count = cmd->add_option("--count", opts->count, "Stop after N records")
                      ->check(CLI::Range(std::uint64_t{1}, UINT64_MAX));
    cmd->add_option("--duration", opts->duration_s, "Stop after S seconds")
        ->check(CLI::PositiveNumber)
        ->excludes(count);
    auto* input = cmd->add_option("--input", opts->input,
                                  "'digits' (the bundled set, shuffled passes) or a JSON-lines "
                                  "file whose lines are sent verbatim, cycling")
                      ->capture_default_str();
    auto* drift = cmd->add_option("--drift", opts->drift,
                                  "Stage a concept drift in the digits (docs/streaming.md, "
                                  "\"Drift\"): label-swap (labels swapped in pairs 0-1, 2-3, "
                                  "...), gradual-writer (a second writer's slant and turn grow "
                                  "over --drift-span records), new-writer (that writer at once)")
                      ->check(CLI::IsMember(stream::drift_scenario_names()));
    cmd->add_option("--drift-at", opts->drift_at, "Index of the first changed record (from 0)")
        ->needs(drift)
        ->capture_default_str();
    cmd->add_option("--drift-span", opts->drift_span,
                    "gradual-writer: records until the new writer is at full strength")
        ->needs(drift)
        ->check(CLI::Range(std::uint64_t{1}, UINT64_MAX))
        ->capture_default_str();
    // A JSON-lines file is sent verbatim: nothing there to drift.
    cmd->parse_complete_callback([opts, drift, input] {
        if (drift->count() > 0 && input->count() > 0 && opts->input != "digits")
            throw CLI::ValidationError("--drift", "needs --input digits");
    });
    cmd->add_option("--seed", opts->seed, "Shuffle seed")->capture_default_str();
    add_property_option(*cmd, "--producer-property", opts->properties, "producer");
    add_json_flag(*cmd, opts->json);
    cmd->footer(help_footer("  liveml produce --brokers 127.0.0.1:9092 --rate 100\n"
                            "  liveml produce --brokers 127.0.0.1:9092 --rate 0 --count 100000\n"
                            "  liveml produce --brokers B --input bad.jsonl --count 50\n"
                            "  liveml produce --brokers B --rate 0 --drift label-swap "
                            "--drift-at 20000\n"));
    cmd->callback([opts] { run_produce(*opts); });
}

} // namespace liveml::cli
