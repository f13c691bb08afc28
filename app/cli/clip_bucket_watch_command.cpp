// liveml clip bucket-watch: MinIO-format bucket notifications for an S3 server that sends
// none, by polling ListObjectsV2 (objectstore/bucket_poller.hpp says what it cannot see).
#include "clip_commands.hpp"
#include "common/log.hpp"
#include "exit_codes.hpp"
#include "help_footer.hpp"
#include "interrupt_flag.hpp"
#include "job_reporter.hpp"
#include "json_output.hpp"
#include "objectstore/bucket_poller.hpp"
#include "s3_flags.hpp"
#include "stream/kafka_producer.hpp"
#include "stream_options.hpp"

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdint>
#include <memory>
#include <thread>

namespace liveml::cli {
namespace {

using Clock = std::chrono::steady_clock;

struct WatchArgs {
    S3Flags s3;
    std::string bucket;
    std::string prefix;
    std::string brokers;
    std::string events_topic = "bucket-events";
    std::vector<std::string> producer_properties;
    double interval_s = 2;
    bool once = false;
    bool json = false;
};

void run_watch(const WatchArgs& args) {
    JobReporter reporter(args.json, "liveml clip bucket-watch");
    run_job(reporter, [&] {
        const InterruptFlag interrupt;
        const auto s3 = args.s3.connect();
        objectstore::BucketPoller poller(*s3, args.bucket, args.prefix);
        stream::KafkaProducer producer(kafka_properties(args.brokers, args.producer_properties));
        const auto give_up = [&] { return interrupt.raised(); };
        std::uint64_t polls = 0, created = 0, removed = 0, failed_polls = 0;
        while (!interrupt.raised()) {
            const auto started = Clock::now();
            try {
                const auto events = poller.poll();
                for (const auto& event : events) {
                    const auto message = objectstore::write_minio_event(event);
                    if (!producer.send(args.events_topic, message.key, message.value, give_up))
                        break;
                    ++(event.kind == objectstore::BucketEventKind::Created ? created : removed);
                }
                if (!producer.flush(std::chrono::seconds(30)))
                    throw std::runtime_error("events not delivered to " + args.brokers +
                                             " within 30 s");
                ++polls;
                reporter.item(
                    "poll", JsonObject()
                                .add("objects", static_cast<std::uint64_t>(poller.known_objects()))
                                .add("events", static_cast<std::uint64_t>(events.size()))
                                .add("created", created)
                                .add("removed", removed));
            } catch (const objectstore::S3Error& e) {
                // The server may come back: the next poll diffs against the last good listing.
                ++failed_polls;
                LogLine(LogLevel::Warning) << "bucket-watch: " << e.what();
            }
            if (args.once) break;
            const auto next = started + std::chrono::duration_cast<Clock::duration>(
                                            std::chrono::duration<double>(args.interval_s));
            while (!interrupt.raised() && Clock::now() < next)
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        reporter.result(JsonObject()
                            .add("bucket", args.bucket)
                            .add("polls", polls)
                            .add("failed_polls", failed_polls)
                            .add("created", created)
                            .add("removed", removed)
                            .add("delivery_failures", producer.failed())
                            .add("stopped", interrupt.raised()));
        if (producer.failed() > 0 || (args.once && polls == 0)) throw CLI::RuntimeError(kFailure);
        if (interrupt.raised()) throw CLI::RuntimeError(kInterrupted);
    });
}

} // namespace

void register_clip_bucket_watch(CLI::App& clip) {
    auto args = std::make_shared<WatchArgs>();
    auto* cmd = clip.add_subcommand(
        "bucket-watch", "Publish MinIO-format bucket notifications for an S3 server without "
                        "them, by polling ListObjectsV2 (limits: docs/ingest.md)");
    args->s3.add_to(*cmd, true);
    cmd->add_option("--bucket", args->bucket, "bucket to watch")->required();
    cmd->add_option("--prefix", args->prefix, "only keys starting with this");
    cmd->add_option("--brokers", args->brokers, "Kafka bootstrap servers")->required();
    cmd->add_option("--events-topic", args->events_topic, "topic for the notifications")
        ->capture_default_str();
    add_property_option(*cmd, "--producer-property", args->producer_properties, "producer");
    cmd->add_option("--interval-s", args->interval_s, "seconds between listings")
        ->check(CLI::Range(0.05, 86400.0))
        ->capture_default_str();
    cmd->add_flag("--once", args->once, "list once, publish, exit");
    add_json_flag(*cmd, args->json);
    cmd->footer(help_footer("  AWS_ACCESS_KEY_ID=… AWS_SECRET_ACCESS_KEY=… liveml clip "
                            "bucket-watch --s3-endpoint http://127.0.0.1:9000 --bucket photos "
                            "--brokers localhost:9092\n"));
    cmd->callback([args] { run_watch(*args); });
}

} // namespace liveml::cli
