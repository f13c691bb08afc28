#include "jobs/job_event.hpp"

#include <gtest/gtest.h>

using namespace liveml::jobs;

TEST(JobEvent, ProgressCarriesPhaseStepLossAndEta) {
    const auto parsed = parse_job_line(
        R"({"event":"progress","phase":"train","step":3,"total":10,"loss":2.5,"eta_s":7.25})");
    ASSERT_TRUE(parsed.event) << parsed.error;
    EXPECT_EQ(parsed.event->type, EventType::Progress);
    EXPECT_EQ(parsed.event->phase, "train");
    EXPECT_EQ(parsed.event->step, 3);
    EXPECT_EQ(parsed.event->total, 10);
    EXPECT_DOUBLE_EQ(*parsed.event->loss, 2.5);
    EXPECT_DOUBLE_EQ(*parsed.event->eta_s, 7.25);
    EXPECT_FALSE(parsed.event->is_final());
}

TEST(JobEvent, PhaseChangeHasNoLoss) {
    const auto parsed = parse_job_line(R"({"event":"progress","phase":"load","step":0,"total":3})");
    ASSERT_TRUE(parsed.event);
    EXPECT_FALSE(parsed.event->loss);
    EXPECT_FALSE(parsed.event->eta_s);
}

TEST(JobEvent, ResultAndErrorAreFinal) {
    const auto result = parse_job_line(R"({"event":"result","final_loss":0.5,"stopped":false})");
    ASSERT_TRUE(result.event);
    EXPECT_TRUE(result.event->is_final());
    EXPECT_DOUBLE_EQ(result.event->body["final_loss"].get<double>(), 0.5);

    const auto error = parse_job_line(R"({"event":"error","message":"no such GPU: cuda:3"})");
    ASSERT_TRUE(error.event);
    EXPECT_EQ(error.event->type, EventType::Error);
    EXPECT_EQ(error.event->message, "no such GPU: cuda:3");
    EXPECT_TRUE(error.event->is_final());

    const auto silent = parse_job_line(R"({"event":"error"})");
    ASSERT_TRUE(silent.event);
    EXPECT_FALSE(silent.event->message.empty());
}

TEST(JobEvent, SkippedKeepsTheReason) {
    const auto parsed =
        parse_job_line(R"({"event":"skipped","reason":"a.png: not an image","image":"a.png"})");
    ASSERT_TRUE(parsed.event);
    EXPECT_EQ(parsed.event->type, EventType::Skipped);
    EXPECT_EQ(parsed.event->message, "a.png: not an image");
}

TEST(JobEvent, MalformedLinesAreRefusedWithAReason) {
    for (const char* line :
         {"", "warning: something", "[1,2]", R"({"phase":"train"})",
          R"({"event":"progress","phase":"train","step":"x","total":2})",
          R"({"event":"progress","phase":"train","step":-1,"total":2})", R"({"event":"result")"}) {
        const auto parsed = parse_job_line(line);
        EXPECT_FALSE(parsed.event) << line;
        EXPECT_FALSE(parsed.error.empty()) << line;
    }
}

// Found by fuzz/job_event: a step beyond int64 (here an integer literal too long for it, read
// as a double; the repeated key keeps the last value) was cast to int64, undefined behaviour.
// Fractions were let through as well, against the error's own words.
TEST(JobEvent, StepAndTotalMustBeWholeNumbersWithinInt64) {
    for (
        const char* line :
        {R"({"event":"progress","phase":"train","step":120,"total":2.3125,"eta92233":"train","step":12033720368547203685685472036854775})",
         R"({"event":"progress","phase":"train","step":1e300,"total":2})",
         R"({"event":"progress","phase":"train","step":1,"total":9223372036854775808})",
         R"({"event":"progress","phase":"train","step":1,"total":9.3e18})",
         R"({"event":"progress","phase":"train","step":2.5,"total":4})"}) {
        const auto parsed = parse_job_line(line);
        EXPECT_FALSE(parsed.event) << line;
        EXPECT_EQ(parsed.error, "progress without whole step and total") << line;
    }
    const auto largest = parse_job_line(
        R"({"event":"progress","phase":"train","step":3.0,"total":9223372036854775807})");
    ASSERT_TRUE(largest.event) << largest.error;
    EXPECT_EQ(largest.event->step, 3);
    EXPECT_EQ(largest.event->total, 9223372036854775807);
}

TEST(JobEvent, UnknownEventsAreKeptAsOther) {
    const auto parsed = parse_job_line(R"({"event":"epoch","n":1})");
    ASSERT_TRUE(parsed.event);
    EXPECT_EQ(parsed.event->type, EventType::Other);
    EXPECT_EQ(parsed.event->name, "epoch");
}
