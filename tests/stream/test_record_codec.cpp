#include "stream/record_decoder.hpp"
#include "stream/record_encoder.hpp"

#include <gtest/gtest.h>

#include <simdjson.h>

#include <string>
#include <utility>
#include <vector>

using liveml::stream::DigitRecord;
using liveml::stream::RecordDecoder;
using liveml::stream::RecordEncoder;
using liveml::stream::RecordError;

namespace {

std::string valid_x(int fill = 3) {
    std::string x = "[";
    for (int i = 0; i < 64; ++i)
        x += (i ? "," : "") + std::to_string((fill + i) % 17);
    return x + "]";
}

std::string record(const std::string& ts, const std::string& x, const std::string& label) {
    return R"({"ts":)" + ts + R"(,"x":)" + x + R"(,"actual_y":)" + label + "}";
}

} // namespace

TEST(RecordDecoder, DecodesValidRecord) {
    RecordDecoder decoder;
    DigitRecord out;
    ASSERT_EQ(decoder.decode(record("\"2020-01-01 01:01:01\"", valid_x(), "7"), out),
              RecordError::None);
    EXPECT_EQ(out.label, 7);
    EXPECT_EQ(out.x[0], 3);
    EXPECT_EQ(out.x[13], 16);
    EXPECT_EQ(out.x[14], 0);
    EXPECT_EQ(out.ts_epoch_s, 1577840461);
}

TEST(RecordDecoder, AcceptsAnyFieldOrderAndExtraFields) {
    RecordDecoder decoder;
    DigitRecord out;
    const std::string text =
        R"({"actual_y":0,"note":"hi","x":)" + valid_x() + R"(,"ts":"2024-02-29 23:59:59"})";
    EXPECT_EQ(decoder.decode(text, out), RecordError::None);
}

TEST(RecordDecoder, RejectsMalformedCorpusWithReasons) {
    const std::string ts = "\"2020-01-01 01:01:01\"";
    std::string x63 = valid_x();
    x63 = x63.substr(0, x63.rfind(',')) + "]";
    std::string float_x = valid_x();
    float_x.replace(1, 1, "3.0");
    std::string big_x = valid_x();
    big_x.replace(1, 1, "17");
    std::string negative_x = valid_x();
    negative_x.replace(1, 1, "-1");
    std::string string_x = valid_x();
    string_x.replace(1, 1, "\"3\"");
    std::string huge_x = valid_x();
    huge_x.replace(1, 1, "18446744073709551615");

    const std::vector<std::pair<std::string, RecordError>> corpus = {
        {"", RecordError::Empty},
        {"not json", RecordError::NotJson},
        {"{\"ts\":", RecordError::NotJson},
        {record(ts, valid_x(), "NaN"), RecordError::NotJson},
        {record(ts, valid_x(), "1") + "garbage", RecordError::NotJson},
        {"[1,2,3]", RecordError::NotObject},
        {"42", RecordError::NotObject},
        {R"({"x":)" + valid_x() + R"(,"actual_y":1})", RecordError::MissingTs},
        {record("12", valid_x(), "1"), RecordError::BadTs},
        {record("\"2020-13-01 01:01:01\"", valid_x(), "1"), RecordError::BadTs},
        {record("\"2021-02-29 01:01:01\"", valid_x(), "1"), RecordError::BadTs},
        {record("\"2020-01-01T01:01:01\"", valid_x(), "1"), RecordError::BadTs},
        {record("\"2020-01-01 24:00:00\"", valid_x(), "1"), RecordError::BadTs},
        {R"({"ts":"2020-01-01 01:01:01","actual_y":1})", RecordError::MissingX},
        {record(ts, "{}", "1"), RecordError::XNotArray},
        {record(ts, "null", "1"), RecordError::XNotArray},
        {record(ts, "[]", "1"), RecordError::XWrongLength},
        {record(ts, x63, "1"), RecordError::XWrongLength},
        {record(ts, float_x, "1"), RecordError::XNotInteger},
        {record(ts, string_x, "1"), RecordError::XNotInteger},
        {record(ts, big_x, "1"), RecordError::XOutOfRange},
        {record(ts, negative_x, "1"), RecordError::XOutOfRange},
        {record(ts, huge_x, "1"), RecordError::XOutOfRange},
        {R"({"ts":"2020-01-01 01:01:01","x":)" + valid_x() + "}", RecordError::MissingLabel},
        {record(ts, valid_x(), "\"1\""), RecordError::LabelNotInteger},
        {record(ts, valid_x(), "1.5"), RecordError::LabelNotInteger},
        {record(ts, valid_x(), "true"), RecordError::LabelNotInteger},
        {record(ts, valid_x(), "10"), RecordError::LabelOutOfRange},
        {record(ts, valid_x(), "-1"), RecordError::LabelOutOfRange},
        {record(ts, valid_x(), "1,\"actual_y\":2"), RecordError::DuplicateKey},
        {std::string(liveml::stream::kMaxRecordBytes + 1, ' '), RecordError::Oversized},
        {std::string("{\"ts\":\0", 7), RecordError::NotJson},
        // On-Demand reads only what it is asked for: the rest must still be valid JSON.
        {record(ts, valid_x(), "1,\"extra\":[1,2,}"), RecordError::NotJson},
        {record(ts, valid_x(), "1,\"extra\":{\"a\" 1}"), RecordError::NotJson},
        {record(ts, valid_x(), "1,\"actual_y\":[1,}"), RecordError::NotJson},
        {record(ts, valid_x(), "1") + " {}", RecordError::NotJson},
        {"[1,2] [3]", RecordError::NotJson},
        {"\"s\" x", RecordError::NotJson},
        {"   ", RecordError::NotJson},
        {record(ts, valid_x(), "1,\"t\\u0073\":\"x\""), RecordError::DuplicateKey},
    };
    RecordDecoder decoder;
    for (const auto& [bytes, expected] : corpus) {
        DigitRecord out;
        EXPECT_EQ(decoder.decode(bytes, out), expected)
            << "input: " << bytes.substr(0, 120) << " expected "
            << liveml::stream::to_string(expected);
    }
    // The decoder is still usable after every kind of failure.
    DigitRecord out;
    EXPECT_EQ(decoder.decode(record(ts, valid_x(), "1"), out), RecordError::None);
}

TEST(RecordDecoder, AcceptsRepeatedUnknownKeys) {
    DigitRecord out;
    RecordDecoder decoder;
    EXPECT_EQ(decoder.decode(record("\"2020-01-01 01:01:01\"", valid_x(),
                                    "1,\"extra\":1,\"extra\":[{},null,\"e\",-0.5e3]"),
                             out),
              RecordError::None);
}

TEST(RecordDecoder, AcceptsRecordPaddedUpToTheLimit) {
    std::string text = record("\"2020-01-01 01:01:01\"", valid_x(), "2");
    text.insert(1, liveml::stream::kMaxRecordBytes - text.size(), ' ');
    ASSERT_EQ(text.size(), liveml::stream::kMaxRecordBytes);
    RecordDecoder decoder;
    DigitRecord out;
    EXPECT_EQ(decoder.decode(text, out), RecordError::None);
}

TEST(RecordEncoder, SinkRecordHasTheOriginalShape) {
    DigitRecord in;
    for (std::size_t i = 0; i < in.x.size(); ++i)
        in.x[i] = static_cast<std::uint8_t>(i % 17);
    in.label = 4;
    RecordEncoder encoder;
    const std::string sink{encoder.sink(in, 9)};

    simdjson::dom::parser parser;
    simdjson::dom::object object;
    ASSERT_FALSE(parser.parse(sink).get_object().get(object)) << sink;
    EXPECT_EQ(object.size(), 3u);
    EXPECT_EQ(int64_t(object["actual_y"]), 4);
    EXPECT_EQ(int64_t(object["predict_y"]), 9);
    simdjson::dom::array x = object["x"];
    ASSERT_EQ(x.size(), 64u);
    std::size_t i = 0;
    for (auto v : x)
        EXPECT_EQ(int64_t(v), int64_t(i++ % 17));
}

TEST(RecordEncoder, SourceRecordRoundTripsThroughDecoder) {
    DigitRecord in;
    for (std::size_t i = 0; i < in.x.size(); ++i)
        in.x[i] = static_cast<std::uint8_t>(16 - i % 17);
    in.label = 9;
    in.ts_epoch_s = 1700000000;
    std::string text;
    liveml::stream::append_source_record(text, in);
    EXPECT_NE(text.find("\"ts\":\"2023-11-14 22:13:20\""), std::string::npos) << text;

    RecordDecoder decoder;
    DigitRecord out;
    ASSERT_EQ(decoder.decode(text, out), RecordError::None);
    EXPECT_EQ(out.x, in.x);
    EXPECT_EQ(out.label, in.label);
    EXPECT_EQ(out.ts_epoch_s, in.ts_epoch_s);
}

TEST(RecordEncoder, DeadLetterCarriesReasonPositionAndOriginalBytes) {
    const std::string original("bad \"\xff\0 bytes", 13);
    RecordEncoder encoder;
    const std::string letter{
        encoder.dead_letter(original, RecordError::NotJson, {"handwritten_digit", 2, 41})};
    simdjson::dom::parser parser;
    simdjson::dom::object object;
    ASSERT_FALSE(parser.parse(letter).get_object().get(object)) << letter;
    EXPECT_EQ(std::string_view(object["reason"]), "not_json");
    EXPECT_EQ(std::string_view(object["topic"]), "handwritten_digit");
    EXPECT_EQ(int64_t(object["partition"]), 2);
    EXPECT_EQ(int64_t(object["offset"]), 41);
    std::string decoded;
    ASSERT_TRUE(liveml::stream::decode_base64(std::string_view(object["value_base64"]), decoded));
    EXPECT_EQ(decoded, original);
}

TEST(Base64, RoundTripsEveryLengthAndRejectsGarbage) {
    std::string bytes;
    for (int n = 0; n < 10; ++n) {
        std::string encoded, decoded;
        liveml::stream::append_base64(encoded, bytes);
        EXPECT_EQ(encoded.size() % 4, 0u);
        ASSERT_TRUE(liveml::stream::decode_base64(encoded, decoded)) << encoded;
        EXPECT_EQ(decoded, bytes);
        bytes += static_cast<char>(250 - n * 31);
    }
    std::string sink;
    EXPECT_FALSE(liveml::stream::decode_base64("abc", sink));
    EXPECT_FALSE(liveml::stream::decode_base64("ab=c", sink));
    EXPECT_FALSE(liveml::stream::decode_base64("ab!c", sink));
}

TEST(Timestamp, FormatsAndParsesCalendarDates) {
    std::int64_t epoch = 0;
    ASSERT_TRUE(liveml::stream::parse_timestamp("1970-01-01 00:00:00", epoch));
    EXPECT_EQ(epoch, 0);
    ASSERT_TRUE(liveml::stream::parse_timestamp("2000-02-29 12:34:56", epoch));
    char text[19];
    liveml::stream::format_timestamp(epoch, text);
    EXPECT_EQ(std::string_view(text, 19), "2000-02-29 12:34:56");
    EXPECT_FALSE(liveml::stream::parse_timestamp("2000-02-30 12:34:56", epoch));
    EXPECT_FALSE(liveml::stream::parse_timestamp("2000-02-29 12:34:5", epoch));
    EXPECT_FALSE(liveml::stream::parse_timestamp("2000-02-29 12:34:5a", epoch));
}
