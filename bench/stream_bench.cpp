// Streaming trainer throughput on this machine, figures from one run:
//  1. the trainer's own per-record work (decode + predict/learn/predict + sink encode), no I/O;
//  2. end to end: producer (unpaced, as `liveml produce --rate 0`) → broker → StreamTrainer
//     → sink topic, with model checkpoints to a private redis-server, in this process, three
//     times: the mock broker (at-least-once), Apache Kafka with exactly-once off (at-least-once)
//     and on (one transaction per checkpoint); Kafka runs as a child JVM (skipped, and said so,
//     when Java or the jars are missing);
//  3. the reference: the original job's Python UDF loop (json + scikit-learn partial_fit and
//     predict per record) through /usr/bin/python3.
// The mock broker silently drops a partition's oldest data beyond ~5 MiB, so the producer
// keeps at most --backlog records ahead of the trainer (on every broker, for the same load).
#include <librdkafka/rdkafka.h>

#include <time.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "digits/digits_dataset.hpp"
#include "store/private_redis_server.hpp"
#include "store/resilient_redis.hpp"
#include "stream/kafka_broker.hpp"
#include "stream/kafka_producer.hpp"
#include "stream/mock_broker.hpp"
#include "stream/prequential_learner.hpp"
#include "stream/record_decoder.hpp"
#include "stream/record_encoder.hpp"
#include "stream/record_source.hpp"
#include "stream/stream_trainer.hpp"
#include "stream/topic_admin.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using namespace liveml;

struct Options {
    std::uint64_t records = 1'000'000;
    std::uint64_t decode_records = 300'000;
    std::uint64_t sklearn_records = 3'000;
    std::uint64_t backlog = 40'000;
    int partitions = 8;
};

Options parse_options(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; i += 2) {
        const std::string flag = argv[i];
        if (i + 1 >= argc) throw std::invalid_argument(flag + " needs a value");
        const auto value = std::stoull(argv[i + 1]);
        if (flag == "--records")
            o.records = value;
        else if (flag == "--decode-records")
            o.decode_records = value;
        else if (flag == "--sklearn-records")
            o.sklearn_records = value;
        else if (flag == "--backlog")
            o.backlog = value;
        else if (flag == "--partitions")
            o.partitions = static_cast<int>(value);
        else
            throw std::invalid_argument("usage: stream_bench [--records N] [--decode-records N] "
                                        "[--sklearn-records N] [--backlog N] [--partitions P]");
    }
    if (o.records == 0 || o.decode_records == 0 || o.backlog == 0 || o.partitions < 1)
        throw std::invalid_argument("counts must be positive");
    return o;
}

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// CPU seconds of the calling thread: unlike wall time, barely moved by other processes
// competing for the machine's cores.
double thread_cpu_seconds() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) * 1e-9;
}

struct Rate {
    double wall = 0; // records per wall-clock second
    double cpu = 0;  // records per CPU second of the thread doing the work
};

// Distinct source records (shuffled digits, current ts), reused cyclically.
std::vector<std::string> make_payloads(std::size_t count) {
    stream::DigitsRecordSource source(digits::load_digits_csv(digits::bundled_digits_path()), 7);
    std::vector<std::string> payloads;
    for (std::size_t i = 0; i < count; ++i)
        payloads.emplace_back(source.next());
    return payloads;
}

Rate trainer_only_rate(const std::vector<std::string>& payloads, std::uint64_t records) {
    online::SgdClassifier model({}, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, digits::kFeatures);
    stream::PrequentialLearner learner(model);
    stream::RecordDecoder decoder;
    stream::RecordEncoder encoder;
    stream::DigitRecord record;
    std::size_t sink_bytes = 0;
    const auto start = Clock::now();
    const double cpu_start = thread_cpu_seconds();
    for (std::uint64_t i = 0; i < records; ++i) {
        if (decoder.decode(payloads[i % payloads.size()], record) != stream::RecordError::None)
            throw std::logic_error("bench payload rejected");
        sink_bytes += encoder.sink(record, learner.learn(record).predicted_after).size();
    }
    const Rate rate{double(records) / seconds_since(start),
                    double(records) / (thread_cpu_seconds() - cpu_start)};
    if (sink_bytes == 0) throw std::logic_error("nothing encoded");
    return rate;
}

// Records ever written to topic: the sum of its high watermarks. (The mock broker keeps only
// the newest ~5 MiB per partition, so the low watermarks move up during a long run.)
std::int64_t records_written(rd_kafka_t* client, const std::string& topic, int partitions) {
    std::int64_t total = 0;
    for (int p = 0; p < partitions; ++p) {
        std::int64_t low = 0, high = 0;
        if (rd_kafka_query_watermark_offsets(client, topic.c_str(), p, &low, &high, 5000))
            throw std::runtime_error("cannot read watermarks of " + topic);
        total += high;
    }
    return total;
}

// One end-to-end run on its own topics, model key and group (runs share a broker).
struct Run {
    std::string name;
    std::string bootstrap;
    stream::Delivery delivery;
    bool create_topics; // through the Admin API (the mock makes them itself, see run_topics)
};

std::vector<stream::TopicSpec> run_topics(const std::string& name, int partitions) {
    const std::string prefix = "bench." + name;
    return {{prefix + ".source", partitions, {}},
            {prefix + ".sink", partitions, {}},
            {stream::dead_letter_topic(prefix + ".source"), 1, {}},
            {prefix + ".metrics", 1, {}}};
}

std::vector<std::string> names_of(const std::vector<stream::TopicSpec>& topics) {
    std::vector<std::string> names;
    for (const auto& topic : topics)
        names.push_back(topic.name);
    return names;
}

double end_to_end_rate(const std::vector<std::string>& payloads, const Options& o, const Run& run) {
    store::PrivateRedisServer redis;
    store::ResilientRedis link(redis.url());
    stream::TrainerOptions options;
    const auto topics = run_topics(run.name, o.partitions);
    options.source_topic = topics[0].name;
    options.sink_topic = topics[1].name;
    options.metrics_topic = topics[3].name;
    options.model_key = "bench." + run.name;
    options.group = options.model_key;
    options.delivery = run.delivery;
    options.consumer_properties = {{"bootstrap.servers", run.bootstrap},
                                   {"session.timeout.ms", "6000"}};
    options.producer_properties = {{"bootstrap.servers", run.bootstrap}};
    options.checkpoint_interval = std::chrono::seconds(1);
    options.log = [name = run.name](const std::string& line) {
        std::cerr << "stream_bench: " << name << " trainer: " << line << '\n';
    };

    stream::KafkaProducer producer({{"bootstrap.servers", run.bootstrap}});
    if (run.create_topics)
        stream::create_topics(producer.native_handle(), topics, std::chrono::seconds(30));
    stream::StreamTrainer trainer(options, link);
    std::atomic<bool> stop{false};
    stream::TrainerSummary summary;
    std::thread training([&] { summary = trainer.run([&] { return stop.load(); }); });

    const auto never = [] { return false; };
    std::uint64_t sent = 0;
    const auto send_until = [&](std::uint64_t target, std::uint64_t backlog) {
        while (sent < target) {
            if (sent - trainer.progress() >= backlog) {
                producer.poll();
                std::this_thread::sleep_for(std::chrono::microseconds(200));
                continue;
            }
            producer.send(options.source_topic, {}, payloads[sent % payloads.size()], never);
            ++sent;
        }
        producer.flush(std::chrono::seconds(30));
    };
    const auto wait_trained = [&](std::uint64_t target, std::chrono::seconds patience) {
        const auto deadline = Clock::now() + patience;
        while (trainer.progress() < target) {
            if (Clock::now() > deadline) throw std::runtime_error("trainer stalled");
            std::this_thread::sleep_for(std::chrono::microseconds(200));
        }
    };

    // Warm-up outside the timing: the group join alone takes seconds on the mock, and the
    // first transaction waits for the coordinator.
    constexpr std::uint64_t kWarmup = 1000;
    send_until(kWarmup, kWarmup);
    wait_trained(kWarmup, std::chrono::seconds(30));

    const auto start = Clock::now();
    send_until(kWarmup + o.records, o.backlog);
    wait_trained(kWarmup + o.records, std::chrono::seconds(120));
    stop = true;
    training.join(); // includes the final sink flush and checkpoint
    const double rate = double(o.records) / seconds_since(start);

    // Exactly-once sinks also hold one commit marker per partition and transaction.
    // The broker may report the newest high watermarks a moment after the final commit
    // (seen now and then right after a transaction's end): look again for a few seconds.
    auto sink = records_written(producer.native_handle(), options.sink_topic, o.partitions);
    for (int retry = 0; retry < 50 && sink < std::int64_t(kWarmup + o.records); ++retry) {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        sink = records_written(producer.native_handle(), options.sink_topic, o.partitions);
    }
    const bool complete = run.delivery == stream::Delivery::kExactlyOnce
                              ? sink >= std::int64_t(kWarmup + o.records)
                              : sink == std::int64_t(kWarmup + o.records);
    if (!complete || summary.samples_seen != kWarmup + o.records)
        throw std::runtime_error(run.name + ": sink holds " + std::to_string(sink) +
                                 " offsets and the model " + std::to_string(summary.samples_seen) +
                                 " samples (" + std::to_string(summary.rolled_back) +
                                 " transactions rolled back), expected " +
                                 std::to_string(kWarmup + o.records));
    return rate;
}

double sklearn_rate(const std::vector<std::string>& payloads, std::uint64_t records) {
    const auto path = std::filesystem::temp_directory_path() / "liveml-stream-bench.jsonl";
    {
        std::ofstream out(path);
        for (std::uint64_t i = 0; i < records; ++i)
            out << payloads[i % payloads.size()] << '\n';
    }
    const std::string command = std::string(LIVEML_PYTHON) + " '" + LIVEML_BENCH_DIR +
                                "/stream_sklearn_udf.py' '" + path.string() + "'";
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) throw std::runtime_error("cannot run " + command);
    std::string output;
    char buffer[256];
    while (std::fgets(buffer, sizeof buffer, pipe))
        output += buffer;
    if (::pclose(pipe) != 0) throw std::runtime_error("reference failed: " + command);
    std::filesystem::remove(path);
    const auto at = output.find("\"seconds\": ");
    if (at == std::string::npos) throw std::runtime_error("reference printed: " + output);
    return double(records) / std::stod(output.substr(at + 11));
}

} // namespace

// -1 when Java or the Kafka jars are missing (printed as null).
struct KafkaRates {
    double at_least_once = -1;
    double exactly_once = -1;
};

KafkaRates kafka_rates(const std::vector<std::string>& payloads, const Options& o) {
    std::string why;
    const auto install = stream::find_kafka_install(why);
    if (!install) {
        std::cerr << "stream_bench: no Apache Kafka runs: " << why << '\n';
        return {};
    }
    stream::KafkaBrokerOptions broker_options;
    broker_options.partitions = o.partitions;
    stream::KafkaBroker broker(*install, broker_options);
    return {
        end_to_end_rate(payloads, o,
                        {"kafka-alo", broker.bootstrap(), stream::Delivery::kAtLeastOnce, true}),
        end_to_end_rate(payloads, o,
                        {"kafka-eos", broker.bootstrap(), stream::Delivery::kExactlyOnce, true})};
}

std::string figure(double rate) {
    return rate < 0 ? "null" : std::to_string(static_cast<long long>(rate));
}

int main(int argc, char** argv) try {
    const Options o = parse_options(argc, argv);
    const auto payloads = make_payloads(20'000);
    const Rate trainer = trainer_only_rate(payloads, o.decode_records);
    double mock = 0;
    {
        stream::MockBroker broker({o.partitions, names_of(run_topics("mock", o.partitions))});
        mock = end_to_end_rate(payloads, o,
                               {"mock", broker.bootstrap(), stream::Delivery::kAtLeastOnce, false});
    }
    const KafkaRates kafka = kafka_rates(payloads, o);
    const double sklearn = sklearn_rate(payloads, o.sklearn_records);
    std::printf("{\"trainer_only_rps\": %.0f, \"trainer_only_rps_per_cpu_s\": %.0f, "
                "\"end_to_end_rps\": %.0f, \"kafka_at_least_once_rps\": %s, "
                "\"kafka_exactly_once_rps\": %s, "
                "\"sklearn_udf_rps\": %.0f, \"end_to_end_vs_sklearn\": %.1f, "
                "\"records\": %llu, \"partitions\": %d, \"backlog\": %llu}\n",
                trainer.wall, trainer.cpu, mock, figure(kafka.at_least_once).c_str(),
                figure(kafka.exactly_once).c_str(), sklearn, mock / sklearn,
                static_cast<unsigned long long>(o.records), o.partitions,
                static_cast<unsigned long long>(o.backlog));
    return 0;
} catch (const std::exception& e) {
    std::cerr << "stream_bench: " << e.what() << '\n';
    return 1;
}
