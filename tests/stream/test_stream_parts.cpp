// Unit tests of the trainer's smaller parts: pacing, metrics, record sources, properties.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <filesystem>
#include <fstream>

#include "stream/kafka_config.hpp"
#include "stream/rate_pacer.hpp"
#include "stream/record_decoder.hpp"
#include "stream/record_source.hpp"
#include "stream/trainer_metrics.hpp"

using namespace std::chrono_literals;
using liveml::stream::RatePacer;
using liveml::stream::TrainerMetrics;

TEST(RatePacer, GrantsTheRateOverTimeAndBurstsAtMostATenthOfASecond) {
    const auto t0 = RatePacer::Clock::time_point{};
    RatePacer pacer(1000, t0);
    EXPECT_EQ(pacer.take(1000, t0), 1u); // one token to start with
    EXPECT_EQ(pacer.take(1000, t0), 0u);
    EXPECT_GT(pacer.until_next(t0), 0ns);
    EXPECT_LE(pacer.until_next(t0), 1ms);
    EXPECT_EQ(pacer.take(1000, t0 + 50ms), 50u);
    // After a long stall only a tenth of a second's worth is available at once.
    EXPECT_EQ(pacer.take(100000, t0 + 10s), 100u);
    std::uint64_t total = 0;
    for (int ms = 1; ms <= 1000; ++ms)
        total += pacer.take(1000, t0 + 10s + ms * 1ms);
    EXPECT_NEAR(double(total), 1000.0, 2.0);
}

TEST(RatePacer, ZeroRateIsUnpaced) {
    RatePacer pacer(0);
    EXPECT_EQ(pacer.take(123456), 123456u);
    EXPECT_EQ(pacer.until_next(), RatePacer::Clock::duration::zero());
}

TEST(TrainerMetrics, ReportsTheOriginalFiveAndTheNewFields) {
    const auto t0 = TrainerMetrics::Clock::time_point{};
    TrainerMetrics metrics(4, t0);
    // Six records at t0: labels 0..5; predict_y right for the even ones, prequential right once.
    for (int i = 0; i < 6; ++i)
        metrics.trained(i, i == 0 ? 0 : 9, i % 2 == 0 ? i : 9, 0.5, 1000.0 * i, t0);
    metrics.dead_lettered();
    // One more 12 s later: the 10 s window holds only it.
    metrics.trained(7, 7, 7, 1.0, 10.0, t0 + 12s);

    liveml::stream::TrainerStatus status{123, 4, "connected", {{"t:0", 5}}, 0};
    const std::string json = metrics.report(status, 1700000000000, t0 + 13s);
    simdjson::dom::parser parser;
    simdjson::dom::object o;
    ASSERT_FALSE(parser.parse(json).get_object().get(o)) << json;
    EXPECT_EQ(uint64_t(o["samples_seen"]), 123u);
    EXPECT_EQ(uint64_t(o["trained"]), 7u);
    // Last 4 outcomes: labels 3 (wrong), 4 (right), 5 (wrong), 7 (right).
    EXPECT_DOUBLE_EQ(double(o["accuracy_last_n"]), 0.5);
    EXPECT_EQ(uint64_t(o["accuracy_window"]), 4u);
    EXPECT_EQ(uint64_t(o["window_10s"]["total"]), 1u);
    EXPECT_EQ(uint64_t(o["window_10s"]["correct"]), 1u);
    EXPECT_DOUBLE_EQ(double(o["prequential_accuracy"]), 2.0 / 7.0);
    EXPECT_DOUBLE_EQ(double(o["log_loss"]), 4.0 / 7.0);
    EXPECT_EQ(uint64_t(o["label_distribution"].at(7)), 1u);
    EXPECT_EQ(uint64_t(o["label_distribution"].at(8)), 0u);
    EXPECT_DOUBLE_EQ(double(o["latency_ms"]["max"]), 5000.0);
    EXPECT_NEAR(double(o["throughput_rps"]), 7.0 / 13.0, 1e-9);
    EXPECT_EQ(int64_t(o["consumer_lag"]["t:0"]), 5);
    EXPECT_EQ(uint64_t(o["dlq_count"]), 1u);
    EXPECT_EQ(int64_t(o["model_version"]), 4);
    EXPECT_EQ(std::string_view(o["redis"]), "connected");

    // The next interval starts empty.
    const std::string next = metrics.report(status, 1700000001000, t0 + 14s);
    ASSERT_FALSE(parser.parse(next).get_object().get(o));
    EXPECT_DOUBLE_EQ(double(o["throughput_rps"]), 0.0);
    EXPECT_TRUE(o["latency_ms"]["mean"].is_null());
}

TEST(RecordSources, DigitsAreValidShuffledRecords) {
    std::vector<liveml::digits::DigitSample> samples(3);
    for (int i = 0; i < 3; ++i) {
        samples[i].label = i;
        samples[i].x.fill(static_cast<std::uint8_t>(i * 5));
    }
    liveml::stream::DigitsRecordSource source(samples, 1);
    liveml::stream::RecordDecoder decoder;
    std::array<int, 3> seen{};
    for (int i = 0; i < 30; ++i) {
        liveml::stream::DigitRecord record;
        ASSERT_EQ(decoder.decode(source.next(), record), liveml::stream::RecordError::None);
        EXPECT_EQ(record.x[0], record.label * 5);
        ++seen[static_cast<std::size_t>(record.label)];
    }
    EXPECT_EQ(seen, (std::array<int, 3>{10, 10, 10})) << "every pass sends each sample once";
}

TEST(RecordSources, JsonLinesAreSentVerbatimAndCycled) {
    const auto path = std::filesystem::temp_directory_path() / "liveml-stream-lines.jsonl";
    std::ofstream(path) << "first\r\n\nnot json at all\n";
    liveml::stream::JsonLinesRecordSource source(path);
    EXPECT_EQ(source.size(), 2u);
    EXPECT_EQ(source.next(), "first");
    EXPECT_EQ(source.next(), "not json at all");
    EXPECT_EQ(source.next(), "first");
    std::ofstream(path) << "\n\n";
    EXPECT_THROW(liveml::stream::JsonLinesRecordSource{path}, std::runtime_error);
    std::filesystem::remove(path);
    EXPECT_THROW(liveml::stream::JsonLinesRecordSource{path}, std::runtime_error);
}

TEST(KafkaConfig, ParsesPropertiesAndNamesBadOnes) {
    EXPECT_EQ(liveml::stream::parse_property("security.protocol=SASL_SSL"),
              (std::pair<std::string, std::string>{"security.protocol", "SASL_SSL"}));
    EXPECT_EQ(liveml::stream::parse_property("sasl.password=a=b").second, "a=b");
    EXPECT_THROW(liveml::stream::parse_property("novalue"), std::invalid_argument);
    EXPECT_THROW(liveml::stream::parse_property("=x"), std::invalid_argument);
    try {
        liveml::stream::make_conf({{"no.such.property", "1"}});
        FAIL() << "an unknown property must be refused";
    } catch (const liveml::stream::KafkaError& e) {
        EXPECT_NE(std::string(e.what()).find("no.such.property"), std::string::npos);
    }
}
