// The metrics helpers against values worked out by hand.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "online/prequential_metrics.hpp"

using liveml::online::PrequentialMetrics;

TEST(PrequentialMetrics, EmptyIsNaN) {
    const PrequentialMetrics m;
    EXPECT_TRUE(std::isnan(m.accuracy()));
    EXPECT_TRUE(std::isnan(m.log_loss()));
    EXPECT_TRUE(std::isnan(m.brier_score()));
    EXPECT_TRUE(std::isnan(m.expected_calibration_error()));
}

TEST(PrequentialMetrics, LabelsOnlyGiveAccuracyOnly) {
    PrequentialMetrics m;
    m.add(true);
    m.add(false);
    m.add(true);
    m.add(true);
    EXPECT_DOUBLE_EQ(m.accuracy(), 0.75);
    EXPECT_EQ(m.probability_samples(), 0u);
    EXPECT_TRUE(std::isnan(m.log_loss()));
}

TEST(PrequentialMetrics, HandWorkedValues) {
    PrequentialMetrics m;
    const std::vector<double> a{0.7, 0.2, 0.1}; // right, confidence 0.7
    const std::vector<double> b{0.1, 0.3, 0.6}; // true class 1: wrong, confidence 0.6
    m.add(a, 0);
    m.add(b, 1);
    EXPECT_DOUBLE_EQ(m.accuracy(), 0.5);
    EXPECT_NEAR(m.log_loss(), (-std::log(0.7) - std::log(0.3)) / 2, 1e-15);
    const double brier_a = 0.3 * 0.3 + 0.2 * 0.2 + 0.1 * 0.1;
    const double brier_b = 0.1 * 0.1 + 0.7 * 0.7 + 0.6 * 0.6;
    EXPECT_NEAR(m.brier_score(), (brier_a + brier_b) / 2, 1e-15);
    // Bins [0.7, 0.8): accuracy 1, confidence 0.7; [0.6, 0.7): accuracy 0, confidence 0.6.
    EXPECT_NEAR(m.expected_calibration_error(), 0.5 * 0.3 + 0.5 * 0.6, 1e-15);
}

TEST(PrequentialMetrics, PerfectlyCalibratedStreamHasNoCalibrationError) {
    PrequentialMetrics m;
    // Confidence 0.75 and right three times out of four.
    for (int i = 0; i < 400; ++i)
        m.add(std::vector<double>{0.75, 0.25}, i % 4 == 0 ? 1 : 0);
    EXPECT_NEAR(m.expected_calibration_error(), 0.0, 1e-12);
    EXPECT_DOUBLE_EQ(m.accuracy(), 0.75);
}

TEST(PrequentialMetrics, CertainWrongAnswerIsClipped) {
    PrequentialMetrics m;
    m.add(std::vector<double>{1.0, 0.0}, 1);
    EXPECT_NEAR(m.log_loss(), -std::log(PrequentialMetrics::kMinProbability), 1e-9);
}
