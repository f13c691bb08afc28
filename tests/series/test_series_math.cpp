#include <gtest/gtest.h>

#include <cmath>

#include "series/ema_smoother.hpp"
#include "series/min_max_decimator.hpp"
#include "series/rolling_accuracy.hpp"
#include "series/series_store.hpp"

using namespace liveml::series;

// Hand-computed with weight 0.5: averages 0.5, 1.25, 2.125 divided by the debias terms
// 0.5, 0.75, 0.875.
TEST(SeriesMath, EmaMatchesHandComputedSequence) {
    const auto out = EmaSmoother::smooth({1, 2, 3}, 0.5);
    ASSERT_EQ(out.size(), std::size_t(3));
    ASSERT_EQ(out[0], 1.0);
    ASSERT_TRUE(std::abs(out[1] - 1.25 / 0.75) < 1e-12);
    ASSERT_TRUE(std::abs(out[2] - 2.125 / 0.875) < 1e-12);
}

TEST(SeriesMath, EmaWeightZeroIsIdentityAndWeightIsClamped) {
    ASSERT_EQ(EmaSmoother::smooth({3, -1, 7}, 0.0), (std::vector<double>{3, -1, 7}));
    ASSERT_EQ(EmaSmoother(5).weight(), EmaSmoother::kMaxWeight);
    ASSERT_EQ(EmaSmoother(-1).weight(), 0.0);
    ASSERT_EQ(EmaSmoother(NAN).weight(), 0.0);
    // A constant stays constant even at the heaviest smoothing (the debiasing at work).
    const auto flat = EmaSmoother::smooth(std::vector<double>(50, 4.0), 0.999);
    ASSERT_TRUE(std::abs(flat.back() - 4.0) < 1e-9);
}

TEST(SeriesMath, EmaSkipsMissingValues) {
    const auto out = EmaSmoother::smooth({1, NAN, 3}, 0.5);
    ASSERT_TRUE(std::isnan(out[1]));
    ASSERT_TRUE(std::abs(out[2] - 1.75 / 0.75) < 1e-12); // as smooth({1, 3})
}

TEST(SeriesMath, DecimationKeepsExtremesWithinBudget) {
    SeriesStore store(200'000);
    auto series = store.series({"r", "m"});
    for (int i = 0; i < 100'000; ++i)
        series->append({double(i), double(i), std::sin(i * 0.01) + (i == 51'234 ? 5 : 0)});
    SeriesMirror mirror(200'000, 0.0);
    mirror.sync(*series);
    std::vector<PlotPoint> out;
    MinMaxDecimator::decimate(mirror, AxisMode::Step, SeriesValue::Raw, 0, 99'999, 500, out);
    ASSERT_TRUE(out.size() <= 4 * 501 + 2);
    ASSERT_TRUE(out.size() >= 500);
    double top = -10, bottom = 10;
    for (std::size_t i = 0; i < out.size(); ++i) {
        top = std::max(top, out[i].y);
        bottom = std::min(bottom, out[i].y);
        if (i > 0) {
            ASSERT_TRUE(out[i].x >= out[i - 1].x);
        }
    }
    ASSERT_TRUE(std::abs(top - (std::sin(512.34) + 5)) < 1e-12); // the spike survives
    ASSERT_TRUE(bottom < -0.9999);

    // A narrow range passes points through unchanged, plus one either side.
    MinMaxDecimator::decimate(mirror, AxisMode::Step, SeriesValue::Raw, 100, 110, 500, out);
    ASSERT_EQ(out.size(), std::size_t(13));
    ASSERT_EQ(out.front().x, 99.0);
    ASSERT_EQ(out.back().x, 111.0);
}

TEST(SeriesMath, RollingAccuracyWindowCanChange) {
    RollingAccuracy rolling(4);
    ASSERT_TRUE(std::isnan(rolling.value()));
    for (bool correct : {true, true, false, false, false, true})
        rolling.push(correct);
    ASSERT_EQ(rolling.value(), 0.25); // last 4: F F F T
    rolling.setWindow(2);
    ASSERT_EQ(rolling.value(), 0.5); // F T
    rolling.setWindow(100);
    ASSERT_EQ(rolling.value(), 3.0 / 6.0); // all six
}
