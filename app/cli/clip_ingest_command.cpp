// liveml clip ingest: bucket notifications on Kafka (or a watched folder) → fetch each object,
// embed it, add it to or remove it from a retrieval index, write a thumbnail and a sidecar to
// an output bucket, and publish a result event per object (docs/ingest.md).
#include "clip/clip_encoder.hpp"
#include "clip/image_batch.hpp"
#include "clip/model_fingerprint.hpp"
#include "clip_commands.hpp"
#include "clip_job.hpp"
#include "common/log.hpp"
#include "help_footer.hpp"
#include "ingest/folder_watcher.hpp"
#include "ingest/ingest_processor.hpp"
#include "interrupt_flag.hpp"
#include "json_output.hpp"
#include "objectstore/s3_client.hpp"
#include "s3_flags.hpp"
#include "stream/committing_consumer.hpp"
#include "stream/kafka_producer.hpp"
#include "stream/record_encoder.hpp"
#include "stream/topic_admin.hpp"
#include "stream_options.hpp"

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <thread>
#include <variant>

namespace liveml::cli {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using objectstore::BucketEvent;

struct IngestArgs {
    std::string brokers;
    std::string events_topic = "bucket-events";
    std::string processed_topic;   // default: <events-topic>.processed
    std::string dead_letter_topic; // default: <events-topic>.dead-letter
    std::string group = "liveml-ingest";
    std::vector<std::string> consumer_properties, producer_properties;
    S3Flags s3;
    std::string watch, out_dir;
    std::string model, index, out_bucket;
    int thumb_size = 256;
    double max_object_mb = 64;
    std::size_t batch = 32;
    double idle_exit_s = 0;
    ClipJobFlags flags;
};

// Transient store failures (server down) are retried with backoff; the events stay
// uncommitted meanwhile, so nothing is lost when the job is stopped instead.
constexpr auto kRetryFirst = std::chrono::milliseconds(200);
constexpr auto kRetryMax = std::chrono::milliseconds(5000);

// Wrong or revoked keys do not heal by waiting: the job stops and says so instead of retrying.
void throw_if_credentials_refused(const std::exception& e) {
    const auto* s3 = dynamic_cast<const objectstore::S3Error*>(&e);
    if (s3 && (s3->status() == 401 || s3->status() == 403))
        throw std::runtime_error(std::string("the object store refused our credentials (") +
                                 e.what() +
                                 "); check --access-key-env/--secret-key-env or the credentials "
                                 "file");
}

// Where the time went so far, seconds per stage (IngestTimings).
std::string timings_json(const ingest::IngestTimings& t) {
    return JsonObject()
        .add("fetch", t.fetch_s)
        .add("decode", t.decode_s)
        .add("embed", t.embed_s)
        .add("index", t.index_s)
        .add("write_back", t.write_s)
        .str();
}

// What both sources (Kafka, a folder) share: process a batch with retries, report each
// object, save the state when it changed, count.
class IngestRun {
  public:
    IngestRun(const IngestArgs& args, ingest::IngestProcessor& processor,
              ingest::IngestState& state, JobReporter& reporter, const InterruptFlag& interrupt)
        : args_(args), processor_(processor), state_(state), reporter_(reporter),
          interrupt_(interrupt) {}

    // nullopt when stopped by a signal before the batch went through.
    std::optional<std::vector<ingest::ProcessedEvent>>
    apply(const std::vector<BucketEvent>& events) {
        auto backoff = kRetryFirst;
        for (;;) {
            try {
                auto results = processor_.process(events);
                for (const auto& r : results)
                    reporter_.item_object("object", ingest::write_processed_event(r));
                // Changes of an attempt that failed half-way count too: they are in memory.
                if (changes() != saved_changes_) {
                    ingest::save_ingest_state(state_, args_.index);
                    saved_changes_ = changes();
                    ++saves_;
                }
                events_ += events.size();
                return results;
            } catch (const std::runtime_error& e) {
                throw_if_credentials_refused(e);
                LogLine(LogLevel::Warning)
                    << "ingest: " << e.what() << "; retrying in " << backoff.count() << " ms";
            }
            const auto until = Clock::now() + backoff;
            while (Clock::now() < until) {
                if (interrupt_.raised()) return std::nullopt;
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
            backoff = std::min(backoff * 2, kRetryMax);
        }
    }

    // After every batch: the counters so far (what the studio charts).
    void report_progress(std::uint64_t malformed) { reporter_.item("stats", counters(malformed)); }

    JsonObject result(std::uint64_t malformed, bool stopped) const {
        return counters(malformed)
            .add("index", args_.index)
            .add("saves", saves_)
            .add("stopped", stopped);
    }

  private:
    JsonObject counters(std::uint64_t malformed) const {
        const auto& c = processor_.counts();
        const auto seconds = std::chrono::duration<double>(Clock::now() - start_).count();
        JsonObject fields;
        fields.add("events", events_)
            .add("indexed", c.indexed)
            .add("replaced", c.replaced)
            .add("removed", c.removed)
            .add("skipped", c.skipped)
            .add("failed", c.failed)
            .add("malformed", malformed)
            .add("size", static_cast<std::uint64_t>(state_.index.size()))
            .add("seconds", seconds)
            .add("objects_per_s", seconds > 0 ? (c.indexed + c.replaced) / seconds : 0.0)
            .add_raw("stage_seconds", timings_json(processor_.timings()));
        return fields;
    }

    std::uint64_t changes() const {
        const auto& c = processor_.counts();
        return c.indexed + c.replaced + c.removed;
    }

    const IngestArgs& args_;
    ingest::IngestProcessor& processor_;
    ingest::IngestState& state_;
    JobReporter& reporter_;
    const InterruptFlag& interrupt_;
    Clock::time_point start_ = Clock::now();
    std::uint64_t events_ = 0, saves_ = 0, saved_changes_ = 0;
};

bool idle_too_long(const IngestArgs& args, Clock::time_point last_work) {
    return args.idle_exit_s > 0 &&
           std::chrono::duration<double>(Clock::now() - last_work).count() >= args.idle_exit_s;
}

// Kafka: consume a batch, dead-letter what is malformed, apply the rest, publish results,
// then (index and outputs written) commit the batch's offsets.
bool run_from_kafka(const IngestArgs& args, IngestRun& run, JobReporter& reporter,
                    const InterruptFlag& interrupt, std::uint64_t& malformed) {
    const auto processed_topic =
        args.processed_topic.empty() ? args.events_topic + ".processed" : args.processed_topic;
    const auto dead_letter_topic = args.dead_letter_topic.empty()
                                       ? args.events_topic + ".dead-letter"
                                       : args.dead_letter_topic;
    stream::KafkaProducer producer(kafka_properties(args.brokers, args.producer_properties));
    try {
        stream::create_topics(
            producer.native_handle(),
            {{args.events_topic, 1, {}}, {processed_topic, 1, {}}, {dead_letter_topic, 1, {}}},
            std::chrono::seconds(10));
    } catch (const stream::KafkaError& e) {
        LogLine(LogLevel::Warning)
            << "ingest: topics not created (" << e.what() << "); they must exist already";
    }
    stream::CommittingConsumer consumer(
        {kafka_properties(args.brokers, args.consumer_properties), args.group, args.events_topic});
    stream::RecordEncoder encoder;
    const auto never = [] { return false; };
    auto last_work = Clock::now();
    while (!interrupt.raised()) {
        const auto batch = consumer.poll_batch(args.batch, std::chrono::milliseconds(200));
        if (batch.empty()) {
            // Waiting for the group to assign partitions is not idleness.
            if (!consumer.assigned()) last_work = Clock::now();
            if (idle_too_long(args, last_work)) break;
            continue;
        }
        last_work = Clock::now();
        std::vector<BucketEvent> events;
        std::vector<std::size_t> message_of; // per event, its message in batch
        for (std::size_t m = 0; m < batch.size(); ++m) {
            auto read = objectstore::read_bucket_events(batch[m].value);
            if (auto* reason = std::get_if<std::string>(&read)) {
                ++malformed;
                producer.send(
                    dead_letter_topic, batch[m].key,
                    encoder.dead_letter(batch[m].value, "malformed event: " + *reason,
                                        {batch[m].topic, batch[m].partition, batch[m].offset}),
                    never);
                reporter.skipped("",
                                 "malformed event at " + batch[m].topic + ":" +
                                     std::to_string(batch[m].partition) + "@" +
                                     std::to_string(batch[m].offset) + ": " + *reason,
                                 "event");
                continue;
            }
            for (auto& event : std::get<std::vector<BucketEvent>>(read)) {
                events.push_back(std::move(event));
                message_of.push_back(m);
            }
        }
        const auto results = run.apply(events);
        if (!results) return true;
        for (std::size_t i = 0; i < results->size(); ++i) {
            const auto& r = (*results)[i];
            producer.send(processed_topic, r.bucket + "/" + r.key, ingest::write_processed_event(r),
                          never);
            if (r.status != "failed") continue;
            const auto& from = batch[message_of[i]];
            producer.send(dead_letter_topic, from.key,
                          encoder.dead_letter(from.value, r.reason,
                                              {from.topic, from.partition, from.offset}),
                          never);
        }
        if (!producer.flush(std::chrono::seconds(30)) || producer.failed() > 0)
            throw std::runtime_error("result and dead-letter events could not be delivered to " +
                                     args.brokers + "; offsets left uncommitted");
        consumer.commit(batch);
        run.report_progress(malformed);
    }
    consumer.close();
    return interrupt.raised();
}

bool run_from_folder(const IngestArgs& args, IngestRun& run, const InterruptFlag& interrupt,
                     std::uint64_t malformed) {
    ingest::FolderWatcher watcher(args.watch, "local");
    auto last_work = Clock::now();
    while (!interrupt.raised()) {
        const auto events = watcher.next(std::chrono::milliseconds(200));
        if (events.empty()) {
            if (idle_too_long(args, last_work)) return false;
            continue;
        }
        last_work = Clock::now();
        if (!run.apply(events)) return true;
        run.report_progress(malformed);
    }
    return true;
}

void check_args(const IngestArgs& args) {
    if (args.watch.empty() == args.brokers.empty())
        throw UsageError("give either --brokers (bucket events on Kafka) or --watch FOLDER");
    if (!args.watch.empty()) {
        if (!args.s3.endpoint.empty())
            throw UsageError("--watch reads a local folder: --s3-endpoint does not apply");
        if (args.out_dir.empty())
            throw UsageError("--watch needs --out-dir for thumbnails and sidecars");
        const auto watch = fs::weakly_canonical(args.watch);
        const auto out = fs::weakly_canonical(args.out_dir);
        if (out.string().starts_with(watch.string() + "/") || out == watch)
            throw UsageError("--out-dir must not be inside the watched folder");
    } else if (args.s3.endpoint.empty()) {
        throw UsageError("--brokers needs --s3-endpoint (where the objects are)");
    }
}

void run_ingest(const IngestArgs& args) {
    run_clip_job("ingest", args.flags, [&](JobReporter& reporter) {
        check_args(args);
        const InterruptFlag interrupt;
        reporter.progress("load", 0, 1);
        const auto encoder = clip::ClipEncoder::load(args.model, args.flags.runtime);
        const auto fingerprint = clip::model_fingerprint(args.model);
        auto state = ingest::open_ingest_state(args.index, encoder.embedding_dim(), fingerprint);

        std::unique_ptr<objectstore::S3Client> s3;
        std::unique_ptr<ingest::ObjectStore> source, outputs;
        if (args.watch.empty()) {
            s3 = args.s3.connect();
            source = std::make_unique<ingest::S3ObjectStore>(*s3);
            if (!args.out_bucket.empty()) {
                try {
                    s3->create_bucket(args.out_bucket);
                } catch (const objectstore::S3Error& e) {
                    throw_if_credentials_refused(e);
                    throw;
                }
                outputs = std::make_unique<ingest::S3ObjectStore>(*s3);
            }
        } else {
            source = std::make_unique<ingest::FolderObjectStore>(args.watch);
            outputs = std::make_unique<ingest::FolderObjectStore>(args.out_dir);
        }
        const auto embed = [&](const std::vector<imaging::RgbImage>& images) {
            return clip::encode_rgb_images(encoder, images, args.batch);
        };
        ingest::IngestOptions options;
        options.out_bucket = args.out_bucket;
        options.thumb_size = args.thumb_size;
        options.max_object_bytes = static_cast<std::uint64_t>(args.max_object_mb * (1 << 20));
        options.model = fingerprint;
        ingest::IngestProcessor processor(*source, outputs.get(), state, options, embed);
        IngestRun run(args, processor, state, reporter, interrupt);
        reporter.progress("ingest", 0, 0);
        std::uint64_t malformed = 0;
        const bool stopped = args.watch.empty()
                                 ? run_from_kafka(args, run, reporter, interrupt, malformed)
                                 : run_from_folder(args, run, interrupt, malformed);
        reporter.result(run.result(malformed, stopped));
        if (stopped) throw CLI::RuntimeError(kInterrupted);
    });
}

} // namespace

void register_clip_ingest(CLI::App& clip) {
    auto args = std::make_shared<IngestArgs>();
    auto* cmd = clip.add_subcommand(
        "ingest", "Keep a retrieval index in step with a bucket: S3 bucket notifications on "
                  "Kafka (or a watched folder) → fetch, embed, index, thumbnail + sidecar");
    cmd->add_option("--brokers", args->brokers, "Kafka bootstrap servers (host:port,…)");
    cmd->add_option("--events-topic", args->events_topic, "topic of the bucket notifications")
        ->capture_default_str();
    cmd->add_option("--processed-topic", args->processed_topic,
                    "result event per object (default: <events-topic>.processed)");
    cmd->add_option("--dead-letter-topic", args->dead_letter_topic,
                    "events that cannot be processed, with the reason (default: "
                    "<events-topic>.dead-letter)");
    cmd->add_option("--group", args->group, "consumer group (committed offsets)")
        ->capture_default_str();
    add_property_option(*cmd, "--consumer-property", args->consumer_properties, "consumer");
    add_property_option(*cmd, "--producer-property", args->producer_properties, "producer");
    args->s3.add_to(*cmd, false);
    cmd->add_option("--watch", args->watch,
                    "a local folder instead of Kafka and S3 (inotify; keys are relative paths)");
    cmd->add_option("--out-dir", args->out_dir, "with --watch: folder for thumbnails and sidecars");
    cmd->add_option("--model", args->model, "model directory")->required();
    cmd->add_option("--index", args->index,
                    "index directory (created or updated, saved atomically)")
        ->required();
    cmd->add_option("--out-bucket", args->out_bucket,
                    "bucket for thumbnails and sidecars (created if missing; none when omitted)");
    cmd->add_option("--thumb-size", args->thumb_size, "longer side of thumbnails, aspect kept")
        ->check(CLI::Range(8, 4096))
        ->capture_default_str();
    cmd->add_option("--max-object-mb", args->max_object_mb,
                    "larger objects are dead-lettered unread")
        ->check(CLI::Range(0.001, 4096.0))
        ->capture_default_str();
    cmd->add_option("--batch", args->batch, "events per batch (one embedding pass, one commit)")
        ->check(CLI::Range(std::size_t{1}, std::size_t{4096}))
        ->capture_default_str();
    cmd->add_option("--idle-exit-s", args->idle_exit_s,
                    "stop after this many seconds without events (0: run until SIGTERM)")
        ->check(CLI::Range(0.0, 1e9))
        ->capture_default_str();
    args->flags.add_to(*cmd);
    cmd->footer(help_footer(
        "  AWS_ACCESS_KEY_ID=… AWS_SECRET_ACCESS_KEY=… liveml clip ingest --brokers localhost:9092 "
        "--s3-endpoint http://127.0.0.1:9000 --model teacher --index idx --out-bucket processed "
        "--json\n  liveml clip ingest --watch photos/ --out-dir thumbs/ --model teacher --index "
        "idx\n"));
    cmd->callback([args] { run_ingest(*args); });
}

} // namespace liveml::cli
