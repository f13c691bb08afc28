// Several learners on one stream, as separate processes on a real Kafka broker: `liveml
// produce --drift label-swap` stages a change, `liveml train --learner sgd_classifier,
// softmax_regression` trains both, reports both in every metrics record, reports a drift of
// the SGD learner soon after the swap, commits both snapshots in its Kafka transactions and
// Redis copies, and a restarted trainer resumes both.
#include <gtest/gtest.h>

#include <csignal>
#include <sstream>
#include <thread>

#include "online/model_file.hpp"
#include "store/checkpoint_store.hpp"
#include "store/private_redis_server.hpp"
#include "stream/metrics_record.hpp"
#include "stream/snapshot_reader.hpp"
#include "stream_harness.hpp"

using namespace liveml::stream::testing;

namespace {

constexpr std::uint64_t kRecords = 4000;
constexpr std::uint64_t kSwapAt = 2500;
// ADWIN checks every 32 records; the error rate jumps from ~10% to ~90% at the swap.
constexpr std::uint64_t kDetectionBound = 300;
const std::string kSoftmaxKey = "online_ml_model.softmax_regression";

std::vector<liveml::stream::MetricsRecord> metrics_lines(const std::string& out) {
    std::vector<liveml::stream::MetricsRecord> records;
    std::istringstream lines(out);
    for (std::string line; std::getline(lines, line);)
        if (!line.empty() && line.front() == '{')
            records.push_back(liveml::stream::parseMetricsRecord(line));
    return records;
}

// The learner's checkpoint in Redis: its samples_seen and the sum of its offsets.
std::pair<std::uint64_t, std::int64_t> redis_checkpoint(const liveml::store::RedisUrl& url,
                                                        const std::string& key) {
    liveml::store::RedisConnection connection(url);
    const auto checkpoint = liveml::store::CheckpointStore(connection, key).load();
    if (!checkpoint) return {0, -1};
    std::int64_t offsets = 0;
    for (const auto& [field, next] : checkpoint->offsets)
        offsets += next;
    return {liveml::online::deserialize_learner(checkpoint->model_bytes).model->samples_seen(),
            offsets};
}

} // namespace

TEST(StreamLearners, TwoLearnersTrainOnOneStreamReportADriftCheckpointTogetherAndResume) {
    const auto dir = scratch_dir("learners");
    // One partition: the trainer sees the records in the order they were produced, so the
    // swap is at stream position kSwapAt.
    Child broker(liveml_args({"broker", "--partitions", "1"}), dir / "broker");
    const std::string bootstrap = start_broker(broker);
    liveml::store::PrivateRedisServer redis;
    const std::vector<std::string> learners{"--learner", "sgd_classifier,softmax_regression",
                                            "--delivery", "exactly-once"};
    {
        Child trainer(train_args(bootstrap, redis.url().to_uri(), learners), dir / "train1");
        ASSERT_EQ(produce(bootstrap, dir / "produce1",
                          {"--rate", "0", "--count", std::to_string(kRecords), "--drift",
                           "label-swap", "--drift-at", std::to_string(kSwapAt)}),
                  0);
        ASSERT_TRUE(wait_for_progress(
            trainer, [](const TrainerProgress& p) { return p.trained >= kRecords; }, 90s))
            << trainer.err();
        // One more metrics record after the last trained one: it has the last drift events.
        std::this_thread::sleep_for(std::chrono::milliseconds(1500));
        trainer.signal(SIGTERM);
        ASSERT_EQ(trainer.wait(30s), 130) << trainer.err();

        const auto records = metrics_lines(trainer.out());
        ASSERT_FALSE(records.empty());
        const auto& last = records.back();
        ASSERT_EQ(last.learners.size(), 2u);
        for (const auto& learner : last.learners) {
            EXPECT_EQ(learner.samples_seen, kRecords) << learner.name;
            EXPECT_GT(learner.prequential_accuracy, 0.3) << learner.name;
        }
        std::uint64_t detected = 0;
        for (const auto& record : records)
            for (const auto& event : record.drift)
                if (!detected && event.learner == "sgd_classifier" && event.kind == "drift" &&
                    event.samples_seen >= kSwapAt)
                    detected = event.samples_seen;
        EXPECT_GE(detected, kSwapAt) << "no drift of sgd_classifier after the swap";
        EXPECT_LE(detected, kSwapAt + kDetectionBound);
        std::cout << "sgd_classifier: drift reported " << detected - kSwapAt
                  << " records after the label swap\n";
    }
    // Both models are in the checkpoint transaction's topic and in Redis, at every record.
    const auto snapshots = liveml::stream::read_latest_snapshots(
        {{"bootstrap.servers", bootstrap}}, "online_ml_model.checkpoints",
        {"online_ml_model", kSoftmaxKey}, 30s);
    ASSERT_EQ(snapshots.size(), 2u);
    EXPECT_EQ(liveml::online::deserialize_learner(snapshots.at(kSoftmaxKey)).model->kind(),
              "softmax_regression");
    EXPECT_EQ(redis_checkpoint(redis.url(), "online_ml_model"),
              std::make_pair(kRecords, std::int64_t(kRecords)));
    EXPECT_EQ(redis_checkpoint(redis.url(), kSoftmaxKey),
              std::make_pair(kRecords, std::int64_t(kRecords)));

    // A new trainer resumes both learners where they stopped.
    constexpr std::uint64_t kMore = 500;
    Child trainer(train_args(bootstrap, redis.url().to_uri(), learners), dir / "train2");
    ASSERT_EQ(
        produce(bootstrap, dir / "produce2", {"--rate", "0", "--count", std::to_string(kMore)}), 0);
    ASSERT_TRUE(wait_for_progress(
        trainer, [](const TrainerProgress& p) { return p.trained >= kMore; }, 60s))
        << trainer.err();
    trainer.signal(SIGTERM);
    ASSERT_EQ(trainer.wait(30s), 130) << trainer.err();
    EXPECT_EQ(trainer.err().find("starts anew"), std::string::npos) << trainer.err();
    EXPECT_EQ(redis_checkpoint(redis.url(), kSoftmaxKey),
              std::make_pair(kRecords + kMore, std::int64_t(kRecords + kMore)));
}
