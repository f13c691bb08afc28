#pragma once
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "online/sgd_classifier.hpp"
#include "store/checkpoint_store.hpp"
#include "store/metrics_stream.hpp"
#include "store/resilient_redis.hpp"
#include "stream/kafka_config.hpp"
#include "stream/learner_lane.hpp"
#include "stream/topics.hpp"

namespace liveml::stream {

// How sink and dead-letter records relate to checkpoints (docs/streaming.md).
enum class Delivery {
    kAuto, // exactly-once when the cluster can create the checkpoint topic, else at-least-once
    kExactlyOnce, // Kafka transactions; an error when the cluster cannot do them
    kAtLeastOnce, // checkpoints in Redis only (the mock broker)
};

struct TrainerOptions {
    // Both must hold bootstrap.servers; user properties (SASL, TLS, tuning) come last.
    KafkaProperties consumer_properties;
    KafkaProperties producer_properties;
    std::string source_topic{kSourceTopic};
    std::string sink_topic{kSinkTopic};
    std::string metrics_topic{kMetricsTopic};
    std::string checkpoint_topic{kCheckpointTopic};
    Delivery delivery = Delivery::kAuto;
    // Ignore the stored model and positions: a new model from the beginning of the source
    // topic, which replaces the stored one at the first checkpoint (the studio's reset).
    bool new_model = false;
    std::string group = "liveml-trainer";
    std::string model_key{store::kDefaultModelKey};
    std::string metrics_key{store::kDefaultMetricsKey};
    online::SgdParams params; // for a new SGD model; a stored model keeps its own
    // The learners trained on the stream, by kind (online::learner_names()), no repeats. The
    // first is the primary: its predictions go to the sink, its scores fill the top-level
    // metrics, its checkpoint's positions are where the stream resumes. Each learner has its
    // own model key: model_key for sgd_classifier, model_key + "." + kind for the others.
    std::vector<std::string> learners{std::string(online::SgdClassifier::kKind)};
    DriftWatch drift; // the detector on each learner's error stream, and what a drift does
    std::chrono::milliseconds checkpoint_interval{5000};
    std::chrono::milliseconds metrics_interval{1000};
    std::size_t accuracy_window = 10;
    // Progress and trouble in words (one line each, no newline); may be empty.
    std::function<void(const std::string&)> log;
};

struct TrainerSummary {
    std::uint64_t trained = 0;      // this run
    std::uint64_t dead_letters = 0; // this run
    std::uint64_t samples_seen = 0; // the primary model's lifetime count
    std::int64_t model_version = 0; // last checkpoint written (or loaded)
    std::uint64_t rolled_back = 0;  // aborted transactions (their records were retrained)
};

// The model key of learner `kind` under the trainer's base key (TrainerOptions::learners).
std::string learner_model_key(const std::string& base_key, std::string_view kind);

// The streaming trainer: consumes the source topic, trains its learners (the SGD classifier by
// default) one record at a time (prequential: predict, learn, predict again), writes the
// primary learner's predictions to the sink topic and
// invalid records to <source>.dlq, and checkpoints model + next offsets together (see
// Checkpointer: one Kafka transaction, or Redis). Offsets come from the checkpoint, never from
// the consumer group, so a restart after a crash re-reads exactly the records the stored model
// has not learned. With transactions a second trainer on the same model key takes over from the
// first (same transactional.id: the first is fenced and stops with TakenOverError).
class StreamTrainer {
  public:
    // metrics_sink receives each metrics JSON record (besides Kafka and Redis); may be empty.
    StreamTrainer(TrainerOptions options, store::ResilientRedis& redis,
                  std::function<void(const std::string&)> metrics_sink = {});
    ~StreamTrainer();
    StreamTrainer(const StreamTrainer&) = delete;
    StreamTrainer& operator=(const StreamTrainer&) = delete;

    // Loads the newest checkpoint (a new model when there is none), then trains until stop()
    // returns true, and ends with a final checkpoint. Throws online::ModelFormatError for a
    // corrupt stored model, KafkaError for bad properties, TakenOverError when another trainer
    // took over the model key (then end the process: destroying this object may block in
    // librdkafka); outages of Kafka or Redis are waited out, never thrown.
    TrainerSummary run(const std::function<bool()>& stop);

    // Records trained or dead-lettered by run() so far (updated per batch); any thread.
    std::uint64_t progress() const noexcept;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace liveml::stream
