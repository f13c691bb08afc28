#include "stream/stream_trainer.hpp"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cstring>
#include <ctime>
#include <optional>
#include <thread>

#include "common/log.hpp"
#include "online/model_file.hpp"
#include "stream/kafka_producer.hpp"
#include "stream/prequential_learner.hpp"
#include "stream/record_decoder.hpp"
#include "stream/record_encoder.hpp"
#include "stream/trainer_metrics.hpp"

namespace liveml::stream {
namespace {

using SteadyClock = std::chrono::steady_clock;

constexpr int kPollTimeoutMs = 100;
// Records handled between looks at the clock, the producer's delivery reports and the stop flag.
constexpr int kBatch = 2048;
// Before a checkpoint every sink record of the checkpointed offsets must be delivered; a
// broker that cannot take them within this bound postpones the checkpoint.
constexpr std::chrono::milliseconds kFlushTimeout{5000};
constexpr std::chrono::milliseconds kFinalCheckpointPatience{3000};

std::int64_t wall_clock_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string utc_now_iso() {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

std::vector<int> digit_classes() {
    return {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
}

KafkaProperties with_defaults(KafkaProperties defaults, const KafkaProperties& user) {
    defaults.insert(defaults.end(), user.begin(), user.end());
    return defaults;
}

} // namespace

struct StreamTrainer::Impl {
    TrainerOptions options;
    store::ResilientRedis& redis;
    std::function<void(const std::string&)> metrics_sink;
    std::string dlq_topic;

    std::optional<online::SgdClassifier> model;
    std::int64_t version = 0;
    // Next offset to consume per source partition (-1: none known, start at the beginning).
    std::vector<std::int64_t> next_offset;
    bool dirty = false;       // trained or dead-lettered since the last checkpoint
    bool sink_broken = false; // a sink record could not be queued: never checkpoint past it
    std::function<bool()> stop;

    KafkaHandle consumer;
    std::unique_ptr<KafkaProducer> producer;
    RecordDecoder decoder;
    RecordEncoder encoder;
    DigitRecord record;
    std::string key; // "partition:offset" of the source record, the sink's dedup key
    TrainerMetrics metrics;
    std::optional<PrequentialLearner> learner;
    // Records handled so far, published once per batch for progress().
    std::atomic<std::uint64_t> handled{0};
    rd_kafka_resp_err_t last_consumer_error = RD_KAFKA_RESP_ERR_NO_ERROR;
    bool flush_warned = false;

    Impl(TrainerOptions opts, store::ResilientRedis& link,
         std::function<void(const std::string&)> sink)
        : options(std::move(opts)), redis(link), metrics_sink(std::move(sink)),
          dlq_topic(dead_letter_topic(options.source_topic)), metrics(options.accuracy_window) {}

    // ---- state in Redis -------------------------------------------------------------------

    bool load_checkpoint() {
        std::optional<store::Checkpoint> checkpoint;
        while (!redis.run([&](store::RedisConnection& connection) {
            checkpoint = store::CheckpointStore(connection, options.model_key).load();
        })) {
            if (stop()) return false;
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        if (!checkpoint) {
            model.emplace(options.params, digit_classes(), digits::kFeatures);
            LogLine() << "no model under " << options.model_key << "; starting a new one\n";
            return true;
        }
        auto saved = online::deserialize_model(checkpoint->model_bytes);
        if (saved.model.n_features() != digits::kFeatures ||
            saved.model.classes() != digit_classes())
            throw online::ModelFormatError("the model under " + options.model_key +
                                           " is not a 64-feature digits model");
        model.emplace(std::move(saved.model));
        version = checkpoint->version;
        const std::string prefix = options.source_topic + ":";
        for (const auto& [field, offset] : checkpoint->offsets) {
            if (field.compare(0, prefix.size(), prefix) != 0) continue;
            int partition = -1;
            const char* first = field.data() + prefix.size();
            const char* last = field.data() + field.size();
            if (std::from_chars(first, last, partition).ptr != last || partition < 0) continue;
            set_next_offset(partition, offset);
        }
        LogLine() << "resuming model version " << version << " (" << model->samples_seen()
                  << " samples seen)\n";
        return true;
    }

    store::OffsetMap offset_map() const {
        store::OffsetMap map;
        for (std::size_t p = 0; p < next_offset.size(); ++p)
            if (next_offset[p] >= 0)
                map[store::offset_field(options.source_topic, static_cast<std::int32_t>(p))] =
                    next_offset[p];
        return map;
    }

    // Model, offsets and version in one transaction, and only once the sink holds every
    // prediction up to those offsets. False when it could not be written now.
    bool checkpoint(const char* why) {
        if (!dirty) return true;
        if (sink_broken) return false;
        bool saved = false;
        redis.run([&](store::RedisConnection& connection) {
            if (!producer->flush(kFlushTimeout)) {
                if (!flush_warned)
                    LogLine(LogLevel::Warning) << "Kafka has not acknowledged the sink records; "
                                                  "checkpoint postponed\n";
                flush_warned = true;
                return;
            }
            flush_warned = false;
            const std::string bytes =
                online::serialize_model(*model, {{"source", "liveml train"},
                                                 {"source_topic", options.source_topic},
                                                 {"trained_at", utc_now_iso()}});
            version = store::CheckpointStore(connection, options.model_key)
                          .save(bytes, offset_map(), model->samples_seen());
            saved = true;
        });
        if (saved) {
            dirty = false;
            LogLine() << "checkpoint version " << version << " (" << why << ", "
                      << model->samples_seen() << " samples seen)\n";
        }
        return saved;
    }

    // ---- Kafka ----------------------------------------------------------------------------

    void set_next_offset(int partition, std::int64_t offset) {
        if (next_offset.size() <= static_cast<std::size_t>(partition))
            next_offset.resize(static_cast<std::size_t>(partition) + 1, -1);
        next_offset[static_cast<std::size_t>(partition)] = offset;
    }
    std::int64_t stored_next_offset(int partition) const {
        return static_cast<std::size_t>(partition) < next_offset.size()
                   ? next_offset[static_cast<std::size_t>(partition)]
                   : -1;
    }

    static void on_rebalance(rd_kafka_t* rk, rd_kafka_resp_err_t err,
                             rd_kafka_topic_partition_list_t* partitions, void* opaque) {
        static_cast<Impl*>(opaque)->rebalance(rk, err, partitions);
    }

    void rebalance(rd_kafka_t* rk, rd_kafka_resp_err_t err,
                   rd_kafka_topic_partition_list_t* partitions) {
        const bool cooperative = std::strcmp(rd_kafka_rebalance_protocol(rk), "COOPERATIVE") == 0;
        if (err == RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS) {
            // Seek to our own positions: the group's committed offsets know nothing of the model.
            LogLine assigned;
            assigned << "assigned";
            for (int i = 0; i < partitions->cnt; ++i) {
                auto& part = partitions->elems[i];
                const auto next = stored_next_offset(part.partition);
                part.offset = next >= 0 ? next : RD_KAFKA_OFFSET_BEGINNING;
                assigned << ' ' << part.topic << ':' << part.partition << '@'
                         << (next >= 0 ? std::to_string(next) : std::string("beginning"));
            }
            if (cooperative) {
                if (auto* error = rd_kafka_incremental_assign(rk, partitions))
                    rd_kafka_error_destroy(error);
            } else {
                rd_kafka_assign(rk, partitions);
            }
            return;
        }
        // Revoked (or lost): whoever gets these partitions next resumes from our checkpoint.
        checkpoint("partitions revoked");
        if (cooperative) {
            if (auto* error = rd_kafka_incremental_unassign(rk, partitions))
                rd_kafka_error_destroy(error);
        } else {
            rd_kafka_assign(rk, nullptr);
        }
    }

    // Creating the clients first reports a bad property before any waiting for Redis.
    void open_kafka() {
        KafkaConf conf = make_conf(with_defaults({{"group.id", options.group},
                                                  {"enable.auto.commit", "false"},
                                                  {"enable.auto.offset.store", "false"},
                                                  {"auto.offset.reset", "earliest"},
                                                  {"enable.partition.eof", "false"},
                                                  // The mock broker holds every fetch this
                                                  // long even when data is waiting.
                                                  {"fetch.wait.max.ms", "10"}},
                                                 options.consumer_properties));
        rd_kafka_conf_set_opaque(conf.get(), this);
        rd_kafka_conf_set_rebalance_cb(conf.get(), &Impl::on_rebalance);
        consumer = make_handle(RD_KAFKA_CONSUMER, std::move(conf));
        rd_kafka_poll_set_consumer(consumer.get());
        producer = std::make_unique<KafkaProducer>(
            with_defaults({{"enable.idempotence", "true"}}, options.producer_properties));
    }

    // Only once the checkpoint is loaded: assignments seek to its offsets.
    void subscribe() {
        auto* topics = rd_kafka_topic_partition_list_new(1);
        rd_kafka_topic_partition_list_add(topics, options.source_topic.c_str(),
                                          RD_KAFKA_PARTITION_UA);
        const auto err = rd_kafka_subscribe(consumer.get(), topics);
        rd_kafka_topic_partition_list_destroy(topics);
        if (err)
            throw KafkaError("cannot subscribe to " + options.source_topic + ": " +
                             rd_kafka_err2str(err));
    }

    // ---- the hot path ---------------------------------------------------------------------

    void send(const std::string& topic, std::string_view value) {
        if (!producer->send(topic, key, value, stop)) sink_broken = true;
    }

    void handle(const rd_kafka_message_t& message, std::int64_t now_ms,
                SteadyClock::time_point now) {
        if (message.err) {
            if (message.err != last_consumer_error)
                LogLine(LogLevel::Warning) << "Kafka: " << rd_kafka_message_errstr(&message)
                                           << " (waiting; librdkafka reconnects)\n";
            last_consumer_error = message.err;
            return;
        }
        last_consumer_error = RD_KAFKA_RESP_ERR_NO_ERROR;
        const std::string_view bytes(static_cast<const char*>(message.payload),
                                     message.payload ? message.len : 0);
        // Both numbers fit: an int32 and an int64 take at most 11 + 20 characters.
        char position[40];
        char* end = std::to_chars(position, position + 12, message.partition).ptr;
        *end++ = ':';
        end = std::to_chars(end, position + sizeof position, message.offset).ptr;
        key.assign(position, end);

        const RecordError error = decoder.decode(bytes, record);
        if (error != RecordError::None) {
            send(dlq_topic,
                 encoder.dead_letter(bytes, error,
                                     {options.source_topic, message.partition, message.offset}));
            metrics.dead_lettered();
        } else {
            train(now_ms, now);
        }
        set_next_offset(message.partition, message.offset + 1);
        dirty = true;
    }

    void train(std::int64_t now_ms, SteadyClock::time_point now) {
        const PrequentialOutcome outcome = learner->learn(record);
        send(options.sink_topic, encoder.sink(record, outcome.predicted_after));
        metrics.trained(record.label, outcome.predicted_before, outcome.predicted_after,
                        outcome.log_loss, static_cast<double>(now_ms - record.ts_epoch_s * 1000),
                        now);
    }

    // ---- periodic work --------------------------------------------------------------------

    std::map<std::string, std::int64_t> consumer_lag() {
        std::map<std::string, std::int64_t> lag;
        rd_kafka_topic_partition_list_t* assigned = nullptr;
        if (rd_kafka_assignment(consumer.get(), &assigned) || !assigned) return lag;
        for (int i = 0; i < assigned->cnt; ++i) {
            const auto& part = assigned->elems[i];
            std::int64_t low = 0, high = 0;
            if (rd_kafka_get_watermark_offsets(consumer.get(), part.topic, part.partition, &low,
                                               &high) ||
                high < 0)
                continue;
            const auto next = stored_next_offset(part.partition);
            lag[store::offset_field(part.topic, part.partition)] =
                std::max<std::int64_t>(0, high - (next >= 0 ? next : low));
        }
        rd_kafka_topic_partition_list_destroy(assigned);
        return lag;
    }

    void publish_metrics(SteadyClock::time_point now) {
        TrainerStatus status{model->samples_seen(), version, store::to_string(redis.state()),
                             consumer_lag(), producer->failed()};
        const std::string json = metrics.report(status, wall_clock_ms(), now);
        producer->send(options.metrics_topic, {}, json, stop);
        redis.run([&](store::RedisConnection& connection) {
            store::MetricsStream(connection, options.metrics_key).append(json);
        });
        if (metrics_sink) metrics_sink(json);
    }

    TrainerSummary run() {
        open_kafka();
        if (!load_checkpoint()) return summary();
        learner.emplace(*model);
        subscribe();
        auto next_metrics = SteadyClock::now() + options.metrics_interval;
        auto next_checkpoint = SteadyClock::now() + options.checkpoint_interval;
        while (!stop()) {
            rd_kafka_message_t* message = rd_kafka_consumer_poll(consumer.get(), kPollTimeoutMs);
            if (message) {
                const auto now_ms = wall_clock_ms();
                const auto now = SteadyClock::now();
                int in_batch = 0;
                do {
                    handle(*message, now_ms, now);
                    rd_kafka_message_destroy(message);
                } while (++in_batch < kBatch &&
                         (message = rd_kafka_consumer_poll(consumer.get(), 0)) != nullptr);
                producer->poll();
                handled.store(metrics.trained_count() + metrics.dead_letter_count(),
                              std::memory_order_relaxed);
            }
            const auto now = SteadyClock::now();
            if (now >= next_metrics) {
                publish_metrics(now);
                next_metrics = now + options.metrics_interval;
            }
            // A failed checkpoint (Redis away) is retried on every pass; ResilientRedis makes
            // that free until its next backoff deadline.
            if (now >= next_checkpoint && checkpoint("interval"))
                next_checkpoint = now + options.checkpoint_interval;
        }
        final_checkpoint();
        rd_kafka_consumer_close(consumer.get()); // revokes: a no-op checkpoint if nothing new
        producer->flush(kFlushTimeout);
        return summary();
    }

    // Redis may be between reconnection attempts right now: give it a few of them.
    void final_checkpoint() {
        const auto deadline = SteadyClock::now() + kFinalCheckpointPatience;
        while (!checkpoint("shutdown")) {
            if (SteadyClock::now() >= deadline || sink_broken) {
                LogLine(LogLevel::Warning) << "no final checkpoint (Redis unreachable); the next "
                                              "run retrains from the last one\n";
                return;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    }

    TrainerSummary summary() const {
        return {metrics.trained_count(), metrics.dead_letter_count(),
                model ? model->samples_seen() : 0, version};
    }
};

StreamTrainer::StreamTrainer(TrainerOptions options, store::ResilientRedis& redis,
                             std::function<void(const std::string&)> metrics_sink)
    : impl_(std::make_unique<Impl>(std::move(options), redis, std::move(metrics_sink))) {}

StreamTrainer::~StreamTrainer() = default;

TrainerSummary StreamTrainer::run(const std::function<bool()>& stop) {
    impl_->stop = stop;
    return impl_->run();
}

std::uint64_t StreamTrainer::progress() const noexcept {
    return impl_->handled.load(std::memory_order_relaxed);
}

} // namespace liveml::stream
