// Malformed records interleaved with valid ones: every valid record is trained once, every
// malformed one lands in the dead-letter topic with its reason and original bytes, and the
// trainer stays up.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <csignal>
#include <fstream>
#include <map>

#include "store/private_redis_server.hpp"
#include "stream/record_encoder.hpp"
#include "stream_harness.hpp"

using namespace liveml::stream::testing;

namespace {

std::string valid_record(int i) {
    liveml::stream::DigitRecord record;
    for (std::size_t j = 0; j < record.x.size(); ++j)
        record.x[j] = static_cast<std::uint8_t>((i + j) % 17);
    record.label = i % 10;
    record.ts_epoch_s = 1600000000 + i;
    std::string text;
    liveml::stream::append_source_record(text, record);
    return text;
}

// Malformed source values and the reason the trainer must give for each.
std::map<std::string, std::string> bad_corpus() {
    const std::string good = valid_record(0);
    auto replaced = [&](const std::string& from, const std::string& to) {
        std::string text = good;
        text.replace(text.find(from), from.size(), to);
        return text;
    };
    return {
        {"this is not json", "not_json"},
        {"{\"ts\":\"2020-01-01 00:00:00\",\"x\":[1,2", "not_json"},
        {"[1,2,3]", "not_an_object"},
        {replaced("\"actual_y\":0", "\"actual_y\":11"), "actual_y_out_of_range"},
        {replaced("\"actual_y\":0", "\"actual_y\":\"0\""), "actual_y_not_integer"},
        {replaced("\"actual_y\":0", "\"label\":0"), "missing_actual_y"},
        {replaced("\"x\":[0,", "\"x\":[0.5,"), "x_not_integer"},
        {replaced("\"x\":[0,", "\"x\":[99,"), "x_out_of_range"},
        {replaced("\"x\":[0,", "\"x\":["), "x_not_64_values"},
        {replaced("\"ts\":\"", "\"ts\":\"yesterday "), "bad_ts"},
        {replaced("\"ts\"", "\"time\""), "missing_ts"},
        {"{\"ts\":\"2020-01-01 00:00:00\",\"x\":[" + std::string(70000, ' ') + "]}", "oversized"},
    };
}

} // namespace

TEST(StreamBadInput, MalformedRecordsAreDeadLetteredAndValidOnesTrainedOnce) {
    const auto dir = scratch_dir("bad-input");
    const auto bad = bad_corpus();
    std::size_t valid = 0, total = 0;
    {
        std::ofstream file(dir / "mixed.jsonl");
        int i = 0;
        for (const auto& [text, reason] : bad) {
            for (int k = 0; k < 5; ++k, ++total, ++valid)
                file << valid_record(i++) << '\n';
            file << text << '\n';
            ++total;
        }
    }

    Child broker(liveml_args({"broker", "--partitions", "2"}), dir / "broker");
    const std::string bootstrap = start_broker(broker);
    liveml::store::PrivateRedisServer redis;
    Child trainer(train_args(bootstrap, redis.url().to_uri()), dir / "train");
    ASSERT_EQ(produce(bootstrap, dir / "produce",
                      {"--rate", "0", "--count", std::to_string(total), "--input",
                       (dir / "mixed.jsonl").string()}),
              0);

    ASSERT_TRUE(wait_for_progress(
        trainer,
        [&](const TrainerProgress& p) {
            return p.samples_seen == valid && p.dlq_count == bad.size();
        },
        60s))
        << trainer.err();
    EXPECT_EQ(read_topic(bootstrap, "digit_predict", valid, 30s).size(), valid);

    const auto letters = read_topic(bootstrap, "handwritten_digit.dlq", bad.size(), 30s);
    ASSERT_EQ(letters.size(), bad.size());
    simdjson::dom::parser parser;
    for (const auto& letter : letters) {
        simdjson::dom::object object;
        ASSERT_FALSE(parser.parse(letter.value).get_object().get(object)) << letter.value;
        std::string original;
        ASSERT_TRUE(
            liveml::stream::decode_base64(std::string_view(object["value_base64"]), original));
        const auto expected = bad.find(original);
        ASSERT_NE(expected, bad.end()) << "unexpected dead letter " << original.substr(0, 80);
        EXPECT_EQ(std::string_view(object["reason"]), expected->second);
        EXPECT_EQ(std::string_view(object["topic"]), "handwritten_digit");
        EXPECT_GE(int64_t(object["offset"]), 0);
    }

    EXPECT_TRUE(trainer.running());
    trainer.signal(SIGTERM);
    EXPECT_EQ(trainer.wait(20s), 130) << trainer.err();
}
