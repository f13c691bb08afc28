#include "stream/stream_trainer.hpp"

#include <atomic>
#include <charconv>
#include <ctime>
#include <exception>
#include <optional>
#include <thread>

#include "drift/detector_state.hpp"
#include "online/learner_registry.hpp"
#include "online/model_file.hpp"
#include "stream/kafka_producer.hpp"
#include "stream/prequential_learner.hpp"
#include "stream/record_decoder.hpp"
#include "stream/record_encoder.hpp"
#include "stream/redis_checkpointer.hpp"
#include "stream/source_consumer.hpp"
#include "stream/topic_admin.hpp"
#include "stream/trainer_metrics.hpp"
#include "stream/transactional_checkpointer.hpp"

namespace liveml::stream {
namespace {

using SteadyClock = std::chrono::steady_clock;

constexpr int kPollTimeoutMs = 100;
// Records handled between looks at the clock, the producer's delivery reports and the stop flag.
constexpr int kBatch = 2048;
// A shutdown waits this long for its final checkpoint (Redis reconnecting, a large last
// transaction on a busy broker) before leaving it to the next run.
constexpr std::chrono::milliseconds kFinalCheckpointPatience{15000};
constexpr std::chrono::milliseconds kCreateTopicTimeout{10000};

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

std::string learner_model_key(const std::string& base_key, std::string_view kind) {
    if (kind == online::SgdClassifier::kKind) return base_key;
    return base_key + "." + std::string(kind);
}

struct StreamTrainer::Impl {
    TrainerOptions options;
    store::ResilientRedis& redis;
    std::function<void(const std::string&)> metrics_sink;
    std::string dlq_topic;
    std::function<bool()> stop;

    // The learners, primary first; each keeps its last commit for rollbacks.
    std::vector<LearnerLane> lanes;
    std::int64_t version = 0;
    OffsetBook book;
    // The last commit's positions, restored when a transaction is rolled back.
    OffsetBook committed_book;
    // Stream position at start: the primary's samples_seen then (drift events count from it).
    std::uint64_t start_position = 0;
    std::vector<DriftEvent> drift_events; // since the last metrics record
    bool dirty = false;                   // trained or dead-lettered since the last checkpoint
    std::uint64_t rolled_back = 0;
    bool taken_over = false;
    // A failure inside librdkafka's rebalance callback, rethrown once the callback returned.
    std::exception_ptr callback_error;

    std::unique_ptr<KafkaProducer> metrics_producer;
    std::unique_ptr<Checkpointer> checkpointer;
    std::unique_ptr<SourceConsumer> consumer;
    RecordDecoder decoder;
    RecordEncoder encoder;
    DigitRecord record;
    std::string key; // "partition:offset" of the source record, the sink's dedup key
    TrainerMetrics metrics;
    // Records handled so far, published once per batch for progress().
    std::atomic<std::uint64_t> handled{0};
    rd_kafka_resp_err_t last_consumer_error = RD_KAFKA_RESP_ERR_NO_ERROR;

    Impl(TrainerOptions opts, store::ResilientRedis& link,
         std::function<void(const std::string&)> sink)
        : options(std::move(opts)), redis(link), metrics_sink(std::move(sink)),
          dlq_topic(dead_letter_topic(options.source_topic)), book(options.source_topic),
          committed_book(options.source_topic), metrics(options.accuracy_window) {
        for (const auto& kind : options.learners) {
            LearnerLane::Factory fresh = [this, kind] {
                if (kind == online::SgdClassifier::kKind)
                    return std::unique_ptr<online::OnlineClassifier>(
                        std::make_unique<online::SgdClassifier>(options.params, digit_classes(),
                                                                digits::kFeatures));
                return online::make_learner(kind, digit_classes(), digits::kFeatures);
            };
            lanes.emplace_back(learner_model_key(options.model_key, kind), std::move(fresh),
                               options.drift);
        }
        if (lanes.empty()) throw std::invalid_argument("the trainer needs at least one learner");
    }

    std::vector<std::string> model_keys() const {
        std::vector<std::string> keys;
        for (const auto& lane : lanes)
            keys.push_back(lane.model_key());
        return keys;
    }

    online::OnlineClassifier& primary() { return lanes.front().model(); }

    void log(const std::string& line) const {
        if (options.log) options.log(line);
    }

    // ---- opening ----------------------------------------------------------------------------

    // Exactly-once needs the checkpoint topic; a cluster that cannot create it (the mock has no
    // CreateTopics) gets the at-least-once design.
    bool use_transactions() {
        if (options.delivery == Delivery::kAtLeastOnce) return false;
        TopicSpec spec = checkpoint_topic_spec();
        spec.name = options.checkpoint_topic;
        try {
            create_topics(metrics_producer->native_handle(), {spec}, kCreateTopicTimeout);
            return true;
        } catch (const KafkaError& e) {
            if (options.delivery == Delivery::kExactlyOnce)
                throw KafkaError(std::string("exactly-once needs topic ") + spec.name + ": " +
                                 e.what());
            log(std::string("no exactly-once sink: ") + e.what() +
                "; checkpoints go to Redis only (at-least-once sink)");
            return false;
        }
    }

    // Creating the clients first reports a bad property before any waiting for Redis.
    void open_kafka() {
        metrics_producer = std::make_unique<KafkaProducer>(
            with_defaults({{"enable.idempotence", "true"}}, options.producer_properties));
        RedisModelCopy copy(redis, model_keys(), options.source_topic);
        auto checkpointer_log = [this](const std::string& line) { log(line); };
        const bool transactions = use_transactions();
        if (transactions) {
            checkpointer = std::make_unique<TransactionalCheckpointer>(
                TransactionalCheckpointerOptions{
                    options.producer_properties, options.consumer_properties,
                    "liveml-trainer." + options.model_key, options.checkpoint_topic},
                std::move(copy), checkpointer_log);
        } else {
            checkpointer = std::make_unique<RedisCheckpointer>(options.producer_properties,
                                                               std::move(copy), checkpointer_log);
        }
        consumer = std::make_unique<SourceConsumer>(
            SourceConsumerOptions{options.consumer_properties, options.group, transactions}, book,
            [this] {
                try {
                    checkpoint("partitions revoked");
                } catch (...) {
                    callback_error = std::current_exception();
                }
            },
            checkpointer_log);
        log(std::string("sink delivery: ") + checkpointer->guarantee());
    }

    bool load_checkpoint() {
        std::map<std::string, ResumePoint> found;
        if (!checkpointer->load(stop, found)) return false;
        const auto primary_point = found.find(lanes.front().model_key());
        if (primary_point == found.end()) {
            log("no model under " + lanes.front().model_key() + "; starting a new one");
        } else if (options.new_model) {
            log("--new-model: not resuming version " +
                std::to_string(primary_point->second.version) + " from " +
                primary_point->second.origin);
            version = primary_point->second.version; // the new model's first checkpoint follows it
        } else {
            book = primary_point->second.book;
            committed_book = book;
            version = primary_point->second.version;
            for (auto& lane : lanes)
                resume(lane, found);
            log("resuming model version " + std::to_string(version) + " (" +
                std::to_string(primary().samples_seen()) + " samples seen) from " +
                primary_point->second.origin);
        }
        start_position = primary().samples_seen();
        return true;
    }

    // A learner resumes from its checkpoint when that holds the primary's positions (a learner
    // added since, or one a crash left out of step under at-least-once, starts anew).
    void resume(LearnerLane& lane, std::map<std::string, ResumePoint>& found) {
        const auto point = found.find(lane.model_key());
        if (point == found.end() || point->second.book.to_map() != book.to_map()) {
            log("learner " + std::string(lane.model().kind()) + " starts anew under " +
                lane.model_key() +
                (point == found.end() ? " (no checkpoint)" : " (its checkpoint is out of step)"));
            return;
        }
        auto saved = online::deserialize_learner(point->second.model_bytes);
        if (saved.model->kind() != lane.model().kind() ||
            saved.model->n_features() != digits::kFeatures ||
            saved.model->classes() != digit_classes())
            throw online::ModelFormatError("the model under " + lane.model_key() + " is not a " +
                                           std::string(lane.model().kind()) +
                                           " 64-feature digits model");
        lane.resume(std::move(saved.model), std::move(point->second.model_bytes));
        // Checkpoints from before detector state was saved have none: detection starts anew.
        if (const auto state = saved.metadata.find(kDriftStateKey); state != saved.metadata.end()) {
            try {
                lane.restore_drift_state(state->second);
            } catch (const drift::DetectorStateError& e) {
                log("learner " + std::string(lane.model().kind()) +
                    ": its drift detector starts anew (" + e.what() + ")");
            }
        }
    }

    // ---- checkpoints ------------------------------------------------------------------------

    // Model, offsets, version and every record sent since the last one, together. False when
    // it could not be written now.
    // give_up: when to stop waiting for an outage to end (default: the stop flag).
    bool checkpoint(const char* why, const StopFlag& give_up = {}) {
        if (!dirty || taken_over) return !taken_over;
        std::map<std::string, std::string> metadata{{"source", "liveml train"},
                                                    {"source_topic", options.source_topic},
                                                    {"trained_at", utc_now_iso()},
                                                    {"model_version", std::to_string(version + 1)}};
        book.write_metadata(metadata);
        std::vector<ModelSnapshot> snapshots;
        for (const auto& lane : lanes) {
            // Each learner's own detector state, so detection continues after a restart.
            metadata[kDriftStateKey] = lane.drift_state();
            snapshots.push_back({lane.model_key(), online::serialize_model(lane.model(), metadata),
                                 lane.model().samples_seen()});
        }
        switch (
            checkpointer->commit(snapshots, book, *consumer, version, give_up ? give_up : stop)) {
        case CommitResult::kCommitted:
            dirty = false;
            for (std::size_t i = 0; i < lanes.size(); ++i)
                lanes[i].committed(std::move(snapshots[i].model_bytes));
            committed_book = book;
            log("checkpoint version " + std::to_string(version) + " (" + why + ", " +
                std::to_string(primary().samples_seen()) + " samples seen)");
            return true;
        case CommitResult::kRolledBack:
            roll_back();
            return true;
        case CommitResult::kPostponed:
            break;
        }
        return false;
    }

    // The transaction's records are void: back to the last commit's model and positions, and
    // read those records again.
    void roll_back() {
        ++rolled_back;
        for (auto& lane : lanes)
            lane.roll_back();
        book = committed_book;
        consumer->rewind();
        dirty = false;
        log("transaction rolled back; retraining from version " + std::to_string(version) + " (" +
            std::to_string(primary().samples_seen()) + " samples seen)");
    }

    // Redis may be between reconnection attempts right now: give it a few of them.
    void final_checkpoint() {
        const auto deadline = SteadyClock::now() + kFinalCheckpointPatience;
        // stop() is already true here: bound the waiting by the deadline instead.
        const StopFlag past_deadline = [deadline] { return SteadyClock::now() >= deadline; };
        bool ok;
        while (!(ok = checkpoint("shutdown", past_deadline)) && !past_deadline() && !taken_over)
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        if (!ok)
            log("no final checkpoint; the next run retrains from the last one (version " +
                std::to_string(version) + ")");
    }

    // ---- the hot path -----------------------------------------------------------------------

    void handle(const rd_kafka_message_t& message, std::int64_t now_ms,
                SteadyClock::time_point now) {
        if (message.err) {
            if (message.err != last_consumer_error)
                log(std::string("Kafka: ") + rd_kafka_message_errstr(&message) +
                    " (waiting; librdkafka reconnects)");
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
            checkpointer->send(
                dlq_topic, key,
                encoder.dead_letter(bytes, error,
                                    {options.source_topic, message.partition, message.offset}),
                stop);
            metrics.dead_lettered();
        } else {
            const std::uint64_t position = start_position + metrics.trained_count();
            const PrequentialOutcome outcome = lanes.front().learn(record, position, drift_events);
            for (std::size_t i = 1; i < lanes.size(); ++i)
                lanes[i].learn(record, position, drift_events);
            checkpointer->send(options.sink_topic, key,
                               encoder.sink(record, outcome.predicted_after), stop);
            metrics.trained(record.label, outcome.predicted_before, outcome.predicted_after,
                            outcome.log_loss,
                            static_cast<double>(now_ms - record.ts_epoch_s * 1000), now);
        }
        book.set_next(message.partition, message.offset + 1);
        dirty = true;
    }

    rd_kafka_message_t* poll(int timeout_ms) {
        rd_kafka_message_t* message = consumer->poll(timeout_ms);
        if (callback_error) {
            if (message) rd_kafka_message_destroy(message);
            std::rethrow_exception(std::exchange(callback_error, nullptr));
        }
        return message;
    }

    void publish_metrics(SteadyClock::time_point now) {
        TrainerStatus status{primary().samples_seen(), version, store::to_string(redis.state()),
                             consumer->lag(), checkpointer->failed_deliveries()};
        for (auto& lane : lanes)
            status.learners.push_back(lane.report());
        status.drift = std::exchange(drift_events, {});
        const std::string json = metrics.report(status, wall_clock_ms(), now);
        metrics_producer->send(options.metrics_topic, {}, json, stop);
        metrics_producer->poll();
        redis.run([&](store::RedisConnection& connection) {
            store::MetricsStream(connection, options.metrics_key).append(json);
        });
        if (metrics_sink) metrics_sink(json);
    }

    void train_until_stopped() {
        auto next_metrics = SteadyClock::now() + options.metrics_interval;
        auto next_checkpoint = SteadyClock::now() + options.checkpoint_interval;
        while (!stop()) {
            rd_kafka_message_t* message = poll(kPollTimeoutMs);
            if (message) {
                const auto now_ms = wall_clock_ms();
                const auto now = SteadyClock::now();
                int in_batch = 0;
                do {
                    handle(*message, now_ms, now);
                    rd_kafka_message_destroy(message);
                } while (++in_batch < kBatch && (message = poll(0)) != nullptr);
                handled.store(metrics.trained_count() + metrics.dead_letter_count(),
                              std::memory_order_relaxed);
            }
            checkpointer->poll();
            const auto now = SteadyClock::now();
            if (now >= next_metrics) {
                publish_metrics(now);
                next_metrics = now + options.metrics_interval;
            }
            // A postponed checkpoint (an outage) is retried on every pass; ResilientRedis and
            // librdkafka make that cheap until their next retry.
            if (now >= next_checkpoint && checkpoint("interval"))
                next_checkpoint = now + options.checkpoint_interval;
        }
    }

    TrainerSummary run() {
        open_kafka();
        if (!load_checkpoint()) return summary();
        consumer->subscribe();
        try {
            train_until_stopped();
        } catch (const TakenOverError&) {
            // Whatever we hold now belongs to the trainer that replaced us: write nothing more.
            // No consumer close either: with librdkafka 2.0.2 it can block for good after the
            // producer was fenced (seen in test_stream_takeover); the caller ends the process.
            taken_over = true;
            throw;
        }
        final_checkpoint();
        consumer->close(); // revokes: a no-op checkpoint if nothing new
        metrics_producer->flush(std::chrono::milliseconds(5000));
        if (callback_error) std::rethrow_exception(callback_error);
        return summary();
    }

    TrainerSummary summary() const {
        return {metrics.trained_count(), metrics.dead_letter_count(),
                lanes.front().model().samples_seen(), version, rolled_back};
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
