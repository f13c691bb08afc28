// `liveml train`: the streaming trainer. Kafka in (source topic), predictions and dead letters
// out, model + offsets checkpointed to Redis, one metrics JSON line per second on stdout (and
// to Kafka and the Redis metrics stream).
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <optional>

#include "commands.hpp"
#include "help_footer.hpp"
#include "interrupt_flag.hpp"
#include "job_reporter.hpp"
#include "json_output.hpp"
#include "learner_flags.hpp"
#include "online/learner_registry.hpp"
#include "redis_url_flag.hpp"
#include "store/private_redis_server.hpp"
#include "store/resilient_redis.hpp"
#include "stream/source_consumer.hpp"
#include "stream/stream_trainer.hpp"
#include "stream_options.hpp"

namespace liveml::cli {
namespace {

struct TrainOptions {
    std::string brokers;
    std::string redis;
    stream::TrainerOptions trainer;
    double checkpoint_interval_s = 5;
    std::string delivery = "auto";
    LearnerFlags learner;
    std::string learners{online::SgdClassifier::kKind};
    std::string drift_reaction = "none";
    bool json = false;
    std::vector<std::string> consumer_properties;
    std::vector<std::string> producer_properties;
};

store::RedisUrl redis_url(const std::string& flag, std::optional<store::PrivateRedisServer>& own,
                          JobReporter& reporter) {
    if (!flag.empty()) return store::RedisUrl::parse(flag);
    if (auto from_env = store::redis_url_from_env()) return *from_env;
    own.emplace();
    reporter.note("no --redis given; started a private redis-server at " + own->url().to_string() +
                  " (its data goes when this process ends)");
    return own->url();
}

std::vector<std::string> split_learners(const std::string& list) {
    std::vector<std::string> names;
    std::size_t start = 0;
    while (start <= list.size()) {
        const auto end = std::min(list.find(',', start), list.size());
        names.push_back(list.substr(start, end - start));
        start = end + 1;
    }
    return names;
}

// --learner NAME[,NAME…]: known kinds, none twice.
std::string check_learners(const std::string& list) {
    const auto names = split_learners(list);
    const auto& known = online::learner_names();
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (std::find(known.begin(), known.end(), names[i]) == known.end()) {
            std::string all;
            for (const auto name : known)
                all += (all.empty() ? "" : ", ") + std::string(name);
            return "unknown learner '" + names[i] + "' (known: " + all + ")";
        }
        if (std::find(names.begin(), names.begin() + std::ptrdiff_t(i), names[i]) !=
            names.begin() + std::ptrdiff_t(i))
            return "learner '" + names[i] + "' is named twice";
    }
    return {};
}

void train(TrainOptions& opts, JobReporter& reporter) {
    InterruptFlag interrupt;
    auto& trainer = opts.trainer;
    trainer.params = opts.learner.params();
    trainer.learners = split_learners(opts.learners);
    trainer.drift.reaction = opts.drift_reaction == "reset" ? stream::DriftReaction::kReset
                             : opts.drift_reaction == "background"
                                 ? stream::DriftReaction::kBackground
                                 : stream::DriftReaction::kNone;
    trainer.checkpoint_interval =
        std::chrono::milliseconds(static_cast<std::int64_t>(opts.checkpoint_interval_s * 1000));
    trainer.delivery = opts.delivery == "exactly-once"    ? stream::Delivery::kExactlyOnce
                       : opts.delivery == "at-least-once" ? stream::Delivery::kAtLeastOnce
                                                          : stream::Delivery::kAuto;
    trainer.log = [&reporter](const std::string& line) { reporter.note(line); };
    trainer.consumer_properties = kafka_properties(opts.brokers, opts.consumer_properties);
    trainer.producer_properties = kafka_properties(opts.brokers, opts.producer_properties);

    std::optional<store::PrivateRedisServer> own_redis;
    store::ResilientRedis redis(
        redis_url(opts.redis, own_redis, reporter), {},
        [&reporter](store::RedisLinkState state, const std::string& detail) {
            reporter.note("redis " + std::string(store::to_string(state)) + ": " + detail);
        });
    // One metrics record per second: as it is without --json, as "metrics" events with it.
    stream::StreamTrainer streamer(trainer, redis, [&reporter](const std::string& json) {
        if (reporter.json())
            reporter.item_object("metrics", json);
        else
            std::cout << json << std::endl;
    });
    stream::TrainerSummary summary;
    try {
        summary = streamer.run([&] { return interrupt.raised(); });
    } catch (const stream::TakenOverError& e) {
        // Nothing is left for us to write: the trainer that replaced us owns model and sink.
        // Exit at once: librdkafka 2.0.2 was seen hanging in rd_kafka_destroy of the consumer
        // after such a takeover (tests/stream/test_stream_takeover.cpp); our private
        // redis-server, if any, follows through its parent-death signal.
        reporter.error(e.what());
        std::_Exit(kFailure);
    }
    reporter.note("trained=" + std::to_string(summary.trained) +
                  " dead_letters=" + std::to_string(summary.dead_letters) +
                  " samples_seen=" + std::to_string(summary.samples_seen) +
                  " model_version=" + std::to_string(summary.model_version) +
                  " rolled_back=" + std::to_string(summary.rolled_back));
    if (reporter.json())
        reporter.result(JsonObject{}
                            .add("trained", std::uint64_t{summary.trained})
                            .add("dead_letters", std::uint64_t{summary.dead_letters})
                            .add("samples_seen", std::uint64_t{summary.samples_seen})
                            .add("model_version", std::int64_t{summary.model_version})
                            .add("rolled_back", std::uint64_t{summary.rolled_back})
                            .add("stopped", interrupt.raised()));
    if (interrupt.raised()) throw CLI::RuntimeError(kInterrupted);
}

void run_train(TrainOptions& opts) {
    JobReporter reporter(opts.json, "liveml train");
    run_job(reporter, [&] { train(opts, reporter); });
}

} // namespace

void register_train(CLI::App& root) {
    auto* cmd = root.add_subcommand(
        "train", "Train the digits model from a Kafka stream, checkpointing it to Kafka and Redis");
    auto opts = std::make_shared<TrainOptions>();
    auto& t = opts->trainer;
    cmd->add_option("--brokers", opts->brokers, "Kafka bootstrap servers")->required();
    add_redis_url_option(*cmd, opts->redis,
                         "redis://[:password@]host:port[/db]; default $LIVEML_REDIS_URL, else a "
                         "private redis-server for this run");
    cmd->add_option("--source-topic", t.source_topic, "Labelled records in")->capture_default_str();
    cmd->add_option("--sink-topic", t.sink_topic, "Predictions out")->capture_default_str();
    cmd->add_option("--metrics-topic", t.metrics_topic, "Metrics out")->capture_default_str();
    cmd->add_option("--group", t.group, "Kafka consumer group")->capture_default_str();
    cmd->add_option("--model-key", t.model_key, "Redis key of the model")->capture_default_str();
    cmd->add_option("--metrics-key", t.metrics_key, "Redis stream of metrics")
        ->capture_default_str();
    cmd->add_option("--checkpoint-interval", opts->checkpoint_interval_s,
                    "Seconds between checkpoints")
        ->check(CLI::Range(0.05, 86400.0))
        ->capture_default_str();
    cmd->add_option("--accuracy-window", t.accuracy_window, "Records in the accuracy_last_n metric")
        ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 24))
        ->capture_default_str();
    opts->learner.add_to(*cmd, " (new models)");
    cmd->add_option("--learner", opts->learners,
                    "Learners trained on the stream, comma-separated (docs/learners.md); the first "
                    "answers on the sink topic; sgd_classifier under --model-key, any other under "
                    "<model-key>.<learner>, each with its own checkpoints")
        ->check(CLI::Validator(check_learners, "NAME[,NAME...]"))
        ->capture_default_str();
    cmd->add_option("--drift-detector", t.drift.detector,
                    "Detector on each learner's prequential error stream")
        ->check(CLI::IsMember(stream::drift_detector_names()))
        ->capture_default_str();
    cmd->add_option("--adwin-delta", t.drift.adwin_delta,
                    "ADWIN's confidence (smaller: fewer "
                    "false alarms, later detections)")
        ->check(CLI::Range(1e-12, 0.5))
        ->capture_default_str();
    cmd->add_option("--on-drift", opts->drift_reaction,
                    "What a learner does on a drift: none (report it only), reset (a fresh "
                    "learner of its kind takes its place) or background (a learner started at "
                    "the warning before takes its place)")
        ->check(CLI::IsMember({"none", "reset", "background"}))
        ->capture_default_str();
    cmd->parse_complete_callback([opts, cmd] {
        const auto names = split_learners(opts->learners);
        if (std::find(names.begin(), names.end(), online::SgdClassifier::kKind) != names.end())
            return;
        for (const char* flag : {"--loss", "--penalty", "--alpha"})
            if (cmd->count(flag) > 0)
                throw CLI::ValidationError(flag, "only applies to sgd_classifier, which --learner "
                                                 "does not name");
    });
    cmd->add_option("--delivery", opts->delivery,
                    "exactly-once: sink, dead letters, offsets and model snapshot in one Kafka "
                    "transaction per checkpoint (topic --checkpoint-topic); at-least-once: "
                    "checkpoints in Redis only (a crash may repeat sink records); auto: "
                    "exactly-once when the cluster can create the checkpoint topic (the mock "
                    "broker cannot)")
        ->check(CLI::IsMember({"auto", "exactly-once", "at-least-once"}))
        ->capture_default_str();
    cmd->add_flag("--new-model", t.new_model,
                  "Ignore the stored model and positions: train a new model from the beginning "
                  "of the source topic; its first checkpoint replaces the stored one");
    cmd->add_option("--checkpoint-topic", t.checkpoint_topic,
                    "Compacted topic of model snapshots keyed by model key (exactly-once)")
        ->capture_default_str();
    add_property_option(*cmd, "--consumer-property", opts->consumer_properties, "consumer");
    add_property_option(*cmd, "--producer-property", opts->producer_properties,
                        "producer (sink, DLQ, metrics)");
    add_json_flag(*cmd, opts->json);
    cmd->footer(help_footer(
        "  liveml train --brokers 127.0.0.1:9092 --redis redis://:secret@127.0.0.1:6379\n"
        "  liveml train --brokers kafka:9093 --consumer-property security.protocol=SASL_SSL "
        "...\n"
        "  liveml train --brokers B --learner sgd_classifier,softmax_regression,mlp --on-drift "
        "reset\n"));
    cmd->callback([opts] { run_train(*opts); });
}

} // namespace liveml::cli
