#include "jobs/training_curve.hpp"

#include <gtest/gtest.h>

using namespace liveml::jobs;

namespace {
JobEvent progress(const char* line) {
    return *parse_job_line(line).event;
}
} // namespace

TEST(TrainingCurve, LossPerEventAndPairsPerSecondBetweenEvents) {
    TrainingCurve curve(256);
    EXPECT_FALSE(
        curve.push(progress(R"({"event":"progress","phase":"prepare","step":0,"total":1})"), 0));
    const auto first = curve.push(
        progress(R"({"event":"progress","phase":"train","step":2,"total":10,"loss":3.0})"), 1000);
    ASSERT_TRUE(first);
    EXPECT_DOUBLE_EQ(first->loss, 3.0);
    EXPECT_FALSE(first->throughput);
    const auto second = curve.push(
        progress(R"({"event":"progress","phase":"train","step":6,"total":10,"loss":2.0})"), 3000);
    ASSERT_TRUE(second);
    EXPECT_DOUBLE_EQ(second->step, 6);
    ASSERT_TRUE(second->throughput);
    EXPECT_DOUBLE_EQ(*second->throughput, 4 * 256 / 2.0);
}

TEST(TrainingCurve, AStepCountGoingBackIsANewBaseline) {
    TrainingCurve curve(8);
    curve.push(progress(R"({"event":"progress","phase":"train","step":5,"total":9,"loss":1})"), 0);
    const auto back = curve.push(
        progress(R"({"event":"progress","phase":"train","step":3,"total":9,"loss":1})"), 500);
    ASSERT_TRUE(back);
    EXPECT_FALSE(back->throughput);
}
