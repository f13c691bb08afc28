// Broker + private Redis + trainer as separate processes: every produced record reaches the
// sink exactly once in the original shape, and the model checkpointed in Redis loads and
// predicts.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <csignal>
#include <set>

#include "digits/digits_dataset.hpp"
#include "online/model_file.hpp"
#include "store/checkpoint_store.hpp"
#include "store/metrics_stream.hpp"
#include "store/private_redis_server.hpp"
#include "stream_harness.hpp"

using namespace liveml::stream::testing;

TEST(StreamEndToEnd, ProducedRecordsAreTrainedPredictedAndCheckpointed) {
    constexpr std::size_t kRecords = 2000;
    const auto dir = scratch_dir("e2e");
    Child broker(liveml_args({"broker", "--partitions", "4"}), dir / "broker");
    const std::string bootstrap = start_broker(broker);
    liveml::store::PrivateRedisServer redis;

    Child trainer(train_args(bootstrap, redis.url().to_uri()), dir / "train");
    ASSERT_EQ(
        produce(bootstrap, dir / "produce", {"--rate", "0", "--count", std::to_string(kRecords)}),
        0);

    const auto sink = read_topic(bootstrap, "digit_predict", kRecords, 60s);
    ASSERT_EQ(sink.size(), kRecords) << trainer.err();
    simdjson::dom::parser parser;
    std::set<std::string> keys;
    for (const auto& message : sink) {
        simdjson::dom::object object;
        ASSERT_FALSE(parser.parse(message.value).get_object().get(object)) << message.value;
        ASSERT_EQ(object.size(), 3u) << message.value;
        simdjson::dom::array x;
        ASSERT_FALSE(object["x"].get_array().get(x));
        EXPECT_EQ(x.size(), 64u);
        std::int64_t actual = -1, predicted = -1;
        ASSERT_FALSE(object["actual_y"].get_int64().get(actual));
        ASSERT_FALSE(object["predict_y"].get_int64().get(predicted));
        EXPECT_TRUE(actual >= 0 && actual <= 9 && predicted >= 0 && predicted <= 9);
        keys.insert(message.key);
    }
    EXPECT_EQ(keys.size(), kRecords) << "each sink record names a distinct source position";

    trainer.signal(SIGTERM);
    EXPECT_EQ(trainer.wait(20s), 130) << trainer.err();

    liveml::store::RedisConnection connection(redis.url());
    const auto checkpoint = liveml::store::CheckpointStore(connection).load();
    ASSERT_TRUE(checkpoint.has_value());
    EXPECT_GE(checkpoint->version, 1);
    std::int64_t offsets = 0;
    for (const auto& [field, next] : checkpoint->offsets)
        offsets += next;
    EXPECT_EQ(offsets, std::int64_t(kRecords));
    const auto saved = liveml::online::deserialize_model(checkpoint->model_bytes);
    EXPECT_EQ(saved.model.samples_seen(), kRecords);
    const auto samples = liveml::digits::load_digits_csv(liveml::digits::bundled_digits_path());
    std::size_t correct = 0;
    for (const auto& sample : samples)
        correct += saved.model.predict(liveml::digits::to_doubles(sample.x)) == sample.label;
    EXPECT_GT(double(correct) / double(samples.size()), 0.85);

    EXPECT_GT(liveml::store::MetricsStream(connection).size(), 0u);
    const auto metrics = read_topic(bootstrap, "digit_metrics", 1, 10s, 0ms);
    ASSERT_FALSE(metrics.empty());
    simdjson::dom::object last;
    ASSERT_FALSE(parser.parse(metrics.back().value).get_object().get(last));
    for (const char* field : {"samples_seen", "accuracy_last_n", "label_distribution", "window_10s",
                              "prequential_accuracy", "log_loss", "throughput_rps", "latency_ms",
                              "consumer_lag", "dlq_count", "model_version", "redis"})
        EXPECT_FALSE(last[field].error()) << "metrics lack " << field;
}
