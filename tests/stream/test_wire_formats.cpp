// Each trainer output format written by its core writer and read back by its core reader (the
// source record's round trip is in test_record_codec.cpp): what the trainer writes is what
// the studio reads, and what is not in the shape is refused.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "manual_clock.hpp"
#include "stream/dead_letter.hpp"
#include "stream/metrics_record.hpp"
#include "stream/prediction_record.hpp"
#include "stream/record_encoder.hpp"
#include "stream/trainer_metrics.hpp"

using namespace std::chrono_literals;
using namespace liveml::stream;

TEST(PredictionRecord, RoundTripsEverySinkRecordTheEncoderWrites) {
    RecordEncoder encoder;
    for (int label = 0; label < 10; ++label) {
        DigitRecord in;
        for (std::size_t i = 0; i < in.x.size(); ++i)
            in.x[i] = static_cast<std::uint8_t>((i * 7 + std::size_t(label)) % 17);
        in.label = label;
        const int predicted = 9 - label;
        const auto out = parsePredictionRecord(encoder.sink(in, predicted));
        ASSERT_TRUE(out.has_value()) << encoder.sink(in, predicted);
        EXPECT_EQ(out->x, in.x);
        EXPECT_EQ(out->actual, label);
        EXPECT_EQ(out->predicted, predicted);
    }
}

TEST(PredictionRecord, RefusesWhatIsNotASinkRecord) {
    std::string x = "[";
    for (int i = 0; i < 64; ++i)
        x += (i ? "," : "") + std::to_string(i % 17);
    x += "]";
    const std::string good = R"({"x":)" + x + R"(,"actual_y":3,"predict_y":4})";
    ASSERT_TRUE(parsePredictionRecord(good).has_value());
    // Field order and extra fields do not matter.
    EXPECT_TRUE(parsePredictionRecord(R"({"predict_y":4,"extra":1,"actual_y":3,"x":)" + x + "}"));
    for (const std::string& bad : std::vector<std::string>{
             std::string("{nope"),
             std::string("[1,2]"),
             R"({"x":)" + x + R"(,"actual_y":3})",
             R"({"x":)" + x + R"(,"predict_y":4})",
             R"({"actual_y":3,"predict_y":4})",
             R"({"x":[1,2,3],"actual_y":3,"predict_y":4})",
             R"({"x":)" + x.substr(0, x.size() - 1) + R"(,5],"actual_y":3,"predict_y":4})",
             R"({"x":)" + x.substr(0, x.rfind(',')) + R"(,17],"actual_y":3,"predict_y":4})",
             R"({"x":)" + x + R"(,"actual_y":10,"predict_y":4})",
             R"({"x":)" + x + R"(,"actual_y":3,"predict_y":-1})",
             R"({"x":)" + x + R"(,"actual_y":3.0,"predict_y":4})",
             R"({"x":)" + x + R"(,"actual_y":"3","predict_y":4})",
         })
        EXPECT_FALSE(parsePredictionRecord(bad).has_value()) << bad;
}

TEST(DeadLetter, RoundTripsReasonPositionAndArbitraryOriginalBytes) {
    RecordEncoder encoder;
    const std::string original = std::string("{\"x\":[1,\"\\\x01\xff\x00 end", 17);
    const std::string json(encoder.dead_letter(original, RecordError::XNotInteger,
                                               {"handwritten_digit", 3, 1234567890123}));
    const auto letter = parseDeadLetter(json);
    ASSERT_TRUE(letter.has_value()) << json;
    EXPECT_EQ(letter->reason, to_string(RecordError::XNotInteger));
    EXPECT_EQ(letter->topic, "handwritten_digit");
    EXPECT_EQ(letter->partition, 3);
    EXPECT_EQ(letter->offset, 1234567890123);
    EXPECT_EQ(letter->original, original);

    const auto empty = parseDeadLetter(encoder.dead_letter("", RecordError::Empty, {"t", 0, 0}));
    ASSERT_TRUE(empty.has_value());
    EXPECT_EQ(empty->original, "");
}

TEST(DeadLetter, RefusesWhatIsNotADeadLetter) {
    const std::string tail = R"(,"topic":"t","partition":1,"offset":7,"value_base64":"YWJj"})";
    ASSERT_EQ(parseDeadLetter(R"({"reason":"empty")" + tail)->original, "abc");
    for (
        const std::string& bad : std::vector<std::string>{
            std::string("{nope"),
            R"({"reason":"")" + tail,
            R"({"reason":7)" + tail,
            std::string(R"({"topic":"t","partition":1,"offset":7,"value_base64":"YWJj"})"),
            std::string(R"({"reason":"empty","partition":1,"offset":7,"value_base64":"YWJj"})"),
            std::string(R"({"reason":"empty","topic":"t","offset":7,"value_base64":"YWJj"})"),
            std::string(R"({"reason":"empty","topic":"t","partition":1,"value_base64":"YWJj"})"),
            std::string(
                R"({"reason":"empty","topic":"t","partition":-1,"offset":7,"value_base64":"YWJj"})"),
            std::string(
                R"({"reason":"empty","topic":"t","partition":1,"offset":7,"value_base64":"@@"})"),
            std::string(R"({"reason":"empty","topic":"t","partition":1,"offset":7})"),
        })
        EXPECT_FALSE(parseDeadLetter(bad).has_value()) << bad;
}

TEST(MetricsRecord, ReadsBackEveryFieldTheTrainerReports) {
    liveml::testing::ManualClock<TrainerMetrics::Clock> clock;
    TrainerMetrics metrics(4, clock.now());
    for (int i = 0; i < 6; ++i)
        metrics.trained(i, i == 0 ? 0 : 9, i % 2 == 0 ? i : 9, 0.5, 1000.0 * i, clock.now());
    metrics.dead_lettered();
    metrics.trained(7, 7, 7, 1.0, 10.0, clock.advance(12s));
    const TrainerStatus status{123, 4, "connected", {{"t:0", 5}, {"t:1", 0}}, 2};
    const std::string json = metrics.report(status, 1700000000250, clock.advance(1s));

    const MetricsRecord record = parseMetricsRecord(json);
    EXPECT_DOUBLE_EQ(record.time, 1700000000.25);
    EXPECT_EQ(record.samples_seen, 123);
    EXPECT_EQ(record.model_version, 4);
    EXPECT_EQ(record.accuracy_window, 4);
    EXPECT_FALSE(record.run.has_value());
    ASSERT_TRUE(record.label_distribution.has_value());
    for (std::size_t label = 0; label < 10; ++label)
        EXPECT_EQ((*record.label_distribution)[label], label <= 5 || label == 7 ? 1 : 0) << label;

    std::map<std::string, double> values(record.values.begin(), record.values.end());
    EXPECT_EQ(values.size(), record.values.size()); // no name twice
    const std::map<std::string, double> expected{
        {"samples_seen", 123},
        {"trained", 7},
        {"accuracy_last_n", 0.5},
        {"prequential_accuracy", 2.0 / 7.0},
        {"log_loss", 4.0 / 7.0},
        {"throughput_rps", 7.0 / 13.0},
        {"dlq_count", 1},
        {"sink_delivery_failures", 2},
        {"model_version", 4},
        {"window_10s/total", 1},
        {"window_10s/correct", 1},
        {"latency_ms/mean", (0 + 1000 + 2000 + 3000 + 4000 + 5000 + 10.0) / 7},
        {"latency_ms/max", 5000},
        {"consumer_lag/t:0", 5},
        {"consumer_lag/t:1", 0},
    };
    for (const auto& [name, value] : expected) {
        ASSERT_TRUE(values.count(name)) << name << " missing from " << json;
        EXPECT_NEAR(values[name], value, 1e-12) << name;
    }
    EXPECT_EQ(values.size(), expected.size()) << json;

    // An interval with nothing trained reports nulls, read back as gaps (NaN).
    const MetricsRecord idle =
        parseMetricsRecord(metrics.report(status, 1700000001000, clock.advance(1s)));
    std::map<std::string, double> idle_values(idle.values.begin(), idle.values.end());
    EXPECT_TRUE(std::isnan(idle_values.at("latency_ms/mean")));
    EXPECT_TRUE(std::isnan(idle_values.at("latency_ms/max")));
}

TEST(MetricsRecord, ReadsBackEveryLearnersScoresAndTheDriftEvents) {
    liveml::testing::ManualClock<TrainerMetrics::Clock> clock;
    TrainerMetrics metrics(4, clock.now());
    TrainerStatus status{10, 1, "connected", {}, 0};
    const double nan = std::nan("");
    status.learners = {{"sgd_classifier", 0.75, 0.8, 0.6, 0.3, 0.05, 250000.0, 10, 0},
                       {"perceptron", 0.5, 0.55, nan, nan, nan, 400000.0, 10, 2}};
    status.drift = {{"sgd_classifier", "adwin", "drift", 7}, {"perceptron", "ddm", "warning", 9}};
    const MetricsRecord record =
        parseMetricsRecord(metrics.report(status, 1700000000000, clock.advance(1s)));

    ASSERT_EQ(record.learners.size(), 2u);
    // JSON objects keep their names sorted: perceptron, then sgd_classifier.
    const LearnerReport& perceptron = record.learners[0];
    const LearnerReport& sgd = record.learners[1];
    EXPECT_EQ(sgd.name, "sgd_classifier");
    EXPECT_DOUBLE_EQ(sgd.accuracy, 0.75);
    EXPECT_DOUBLE_EQ(sgd.prequential_accuracy, 0.8);
    EXPECT_DOUBLE_EQ(sgd.log_loss, 0.6);
    EXPECT_DOUBLE_EQ(sgd.brier, 0.3);
    EXPECT_DOUBLE_EQ(sgd.ece, 0.05);
    EXPECT_DOUBLE_EQ(sgd.records_per_s, 250000.0);
    EXPECT_EQ(sgd.samples_seen, 10u);
    EXPECT_EQ(perceptron.name, "perceptron");
    EXPECT_TRUE(std::isnan(perceptron.log_loss)) << "no probabilities: null, read back as NaN";
    EXPECT_TRUE(std::isnan(perceptron.ece));
    EXPECT_EQ(perceptron.resets, 2u);

    ASSERT_EQ(record.drift.size(), 2u);
    EXPECT_EQ(record.drift[0].learner, "sgd_classifier");
    EXPECT_EQ(record.drift[0].detector, "adwin");
    EXPECT_EQ(record.drift[0].kind, "drift");
    EXPECT_EQ(record.drift[0].samples_seen, 7u);
    EXPECT_EQ(record.drift[1].kind, "warning");

    // The next record carries only new events.
    EXPECT_TRUE(
        parseMetricsRecord(metrics.report({}, 1700000001000, clock.advance(1s))).drift.empty());
}

TEST(MetricsRecord, RefusesMalformedLearnersAndDriftEvents) {
    const std::string head = R"({"ts_ms":1,"samples_seen":2,)";
    for (const std::string& bad : {
             std::string(R"("learners":[1]})"),
             std::string(R"("learners":{"sgd":3}})"),
             std::string(R"("learners":{"sgd":{"accuracy":"high"}}})"),
             std::string(R"("learners":{"sgd":{"samples_seen":-1}}})"),
             std::string(R"("drift":{}})"),
             std::string(R"("drift":[{"learner":"sgd","detector":"adwin","kind":"maybe"}]})"),
             std::string(R"("drift":[{"detector":"adwin","kind":"drift"}]})"),
             std::string(R"("drift":[{"learner":"sgd","detector":"adwin","kind":"drift",)"
                         R"("samples_seen":1.5}]})"),
         })
        EXPECT_THROW(parseMetricsRecord(head + bad), MetricsRecordError) << bad;
    EXPECT_NO_THROW(parseMetricsRecord(head + R"("learners":{},"drift":[]})"));
}
