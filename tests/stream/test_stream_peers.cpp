// Independent Kafka clients against `liveml broker` and `liveml train`: kafka-python produces
// the records (as the original producer did), kcat and confluent-kafka read the predictions.
#include <gtest/gtest.h>

#include <algorithm>
#include <csignal>

#include "store/private_redis_server.hpp"
#include "stream_harness.hpp"

using namespace liveml::stream::testing;

TEST(StreamPeers, KafkaPythonRecordsAreTrainedAndKcatAndConfluentReadTheSink) {
    constexpr int kRecords = 300;
    const auto dir = scratch_dir("peers");
    Child broker(liveml_args({"broker", "--partitions", "2"}), dir / "broker");
    const std::string bootstrap = start_broker(broker);
    liveml::store::PrivateRedisServer redis;
    Child trainer(train_args(bootstrap, redis.url().to_uri()), dir / "train");

    Child python({LIVEML_PYTHON, LIVEML_TEST_SOURCE_DIR "/stream/kafka_python_producer.py",
                  bootstrap, "handwritten_digit", std::to_string(kRecords)},
                 dir / "kafka-python");
    ASSERT_EQ(python.wait(60s), 0) << python.err();
    EXPECT_NE(python.out().find("sent=300"), std::string::npos);

    ASSERT_TRUE(wait_for_progress(
        trainer, [](const TrainerProgress& p) { return p.samples_seen == kRecords; }, 60s))
        << trainer.err();
    ASSERT_EQ(read_topic(bootstrap, "digit_predict", kRecords, 30s).size(), std::size_t(kRecords));

    Child kcat({"/usr/bin/kcat", "-C", "-b", bootstrap, "-t", "digit_predict", "-o", "beginning",
                "-e", "-q"},
               dir / "kcat");
    ASSERT_EQ(kcat.wait(30s), 0) << kcat.err();
    const std::string lines = kcat.out();
    EXPECT_EQ(std::count(lines.begin(), lines.end(), '\n'), kRecords);
    EXPECT_NE(lines.find("\"predict_y\":"), std::string::npos);

    Child confluent({LIVEML_PYTHON, LIVEML_TEST_SOURCE_DIR "/stream/confluent_sink_reader.py",
                     bootstrap, "digit_predict", std::to_string(kRecords), "40"},
                    dir / "confluent");
    ASSERT_EQ(confluent.wait(60s), 0) << confluent.err();
    EXPECT_NE(confluent.out().find("good=300 bad=0"), std::string::npos) << confluent.out();

    trainer.signal(SIGINT);
    EXPECT_EQ(trainer.wait(20s), 130) << trainer.err();
}
