// The pyramid-backed decimator against the plain definition: per pixel column, the first,
// lowest, highest and last point of each run between gaps, found by reading every point.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

#include "series/min_max_decimator.hpp"
#include "series/min_max_pyramid.hpp"
#include "series/series_store.hpp"

using namespace liveml::series;

namespace {

// The definition, one point at a time (what the dashboard did before the pyramid).
std::vector<PlotPoint> bruteForce(const SeriesMirror& series, AxisMode mode, SeriesValue value,
                                  double lo, double hi, int columns) {
    std::vector<PlotPoint> out;
    const std::size_t n = series.size();
    if (n == 0 || !(hi >= lo)) return out;
    const std::size_t first_inside = series.lowerBound(mode, lo);
    const std::size_t begin = first_inside > 0 ? first_inside - 1 : 0;
    const std::size_t end = std::min(
        n,
        series.lowerBound(mode, std::nextafter(hi, std::numeric_limits<double>::infinity())) + 1);
    const auto at = [&](std::size_t i) { return PlotPoint{series[i].x(mode), series[i].y(value)}; };
    columns = std::max(columns, 1);
    if (end - begin <= std::size_t(4) * std::size_t(columns) || hi == lo) {
        for (std::size_t i = begin; i < end; ++i)
            out.push_back(at(i));
        return out;
    }
    std::vector<std::size_t> run; // indices of the current column's run
    const auto flush = [&] {
        if (run.empty()) return;
        std::size_t lowest = run.front(), highest = run.front();
        for (std::size_t i : run) {
            if (at(i).y < at(lowest).y) lowest = i;
            if (at(i).y > at(highest).y) highest = i;
        }
        std::vector<std::size_t> picks{run.front(), lowest, highest, run.back()};
        std::sort(picks.begin(), picks.end());
        picks.erase(std::unique(picks.begin(), picks.end()), picks.end());
        for (std::size_t i : picks)
            out.push_back(at(i));
        run.clear();
    };
    long current = std::numeric_limits<long>::min();
    for (std::size_t i = begin; i < end; ++i) {
        if (!std::isfinite(at(i).y)) {
            flush();
            out.push_back(at(i));
            continue;
        }
        const long c = static_cast<long>(std::floor((at(i).x - lo) * columns / (hi - lo)));
        if (c != current) flush();
        current = c;
        run.push_back(i);
    }
    flush();
    return out;
}

bool samePoints(const std::vector<PlotPoint>& a, const std::vector<PlotPoint>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const bool y_same = a[i].y == b[i].y || (std::isnan(a[i].y) && std::isnan(b[i].y));
        if (a[i].x != b[i].x || !y_same) return false;
    }
    return true;
}

// Values with ties (a few levels), spikes and, when asked, NaN gaps and an infinity; x with
// repeated steps and irregular clock ticks.
SeriesPoint randomPoint(std::mt19937& rng, double& step, double& time, double gap_share) {
    std::uniform_real_distribution<double> unit(0, 1);
    step += unit(rng) < 0.1 ? 0 : std::floor(unit(rng) * 3) + 1;
    time += unit(rng) < 0.05 ? 0 : unit(rng) * 0.5;
    double value = std::floor(unit(rng) * 6);
    if (unit(rng) < 0.01) value = unit(rng) < 0.5 ? 1e3 : -1e3;
    if (unit(rng) < gap_share) value = std::nan("");
    if (unit(rng) < gap_share / 10) value = std::numeric_limits<double>::infinity();
    return {step, time, value};
}

} // namespace

TEST(MinMaxDecimation, PyramidMatchesScanOnRandomData) {
    for (const double gap_share : {0.0, 0.002, 0.05}) {
        std::mt19937 rng(1234 + unsigned(gap_share * 1000));
        // A capacity below the points appended: the oldest are dropped and the pyramid's
        // blocks must stay aligned with what is still held.
        SeriesStore store(5'000);
        auto series = store.series({"r", "m"});
        SeriesMirror mirror(5'000, 0.6);
        double step = 0, time = 1.7e9;
        std::uniform_real_distribution<double> unit(0, 1);
        int compared = 0, reduced = 0;
        for (int round = 0; round < 12; ++round) {
            // Uneven batches, as frames see them.
            const int batch = int(unit(rng) * 1'500) + 1;
            for (int i = 0; i < batch; ++i)
                series->append(randomPoint(rng, step, time, gap_share));
            mirror.sync(*series);
            if (round == 5) mirror.setSmoothing(0.9); // rebuilds the smoothed pyramid
            for (int query = 0; query < 40; ++query) {
                const AxisMode mode = query % 2 ? AxisMode::Step : AxisMode::WallClock;
                const SeriesValue value = query % 4 < 2 ? SeriesValue::Raw : SeriesValue::Smoothed;
                const double first = mirror[0].x(mode);
                const double last = mirror[mirror.size() - 1].x(mode);
                // Ranges that start and end anywhere: before, inside or after the data.
                double lo = first + (unit(rng) * 1.2 - 0.1) * (last - first);
                double hi = first + (unit(rng) * 1.2 - 0.1) * (last - first);
                if (lo > hi) std::swap(lo, hi);
                if (query == 0) hi = lo; // a zero-width view
                const int columns = int(unit(rng) * 400) + 1;
                std::vector<PlotPoint> ours;
                MinMaxDecimator::decimate(mirror, mode, value, lo, hi, columns, ours);
                const auto expected = bruteForce(mirror, mode, value, lo, hi, columns);
                ASSERT_TRUE(samePoints(ours, expected))
                    << "round " << round << " query " << query << ": " << ours.size() << " vs "
                    << expected.size() << " points";
                ++compared;
                if (expected.size() < mirror.size() / 4) ++reduced;
            }
        }
        ASSERT_EQ(compared, 12 * 40);
        ASSERT_TRUE(reduced > 100);              // most views did go through the per-column path
        ASSERT_TRUE(series->appended() > 5'000); // the ring did wrap
    }
}

TEST(MinMaxDecimation, PyramidFindsExtremesAndGaps) {
    MinMaxPyramid pyramid(1'000);
    std::vector<double> values;
    for (int i = 0; i < 1'000; ++i)
        values.push_back(i % 97 == 13 ? std::nan("") : std::sin(i * 0.37) * (i % 11));
    for (double v : values)
        pyramid.push(v);
    const auto at = [&](std::uint64_t s) { return values[std::size_t(s)]; };
    std::mt19937 rng(7);
    for (int query = 0; query < 500; ++query) {
        std::uint64_t from = rng() % 1'000, to = rng() % 1'001;
        if (from > to) std::swap(from, to);
        SpanExtremes expected;
        std::uint64_t first_gap = to;
        for (std::uint64_t s = from; s < to; ++s) {
            expected.add(s, values[s]);
            if (first_gap == to && std::isnan(values[s])) first_gap = s;
        }
        const SpanExtremes got = pyramid.extremes(from, to, at);
        ASSERT_EQ(got.non_finite, expected.non_finite);
        ASSERT_EQ(got.hasFinite(), expected.hasFinite());
        if (expected.hasFinite()) {
            ASSERT_EQ(got.min, expected.min);
            ASSERT_EQ(got.min_sequence, expected.min_sequence);
            ASSERT_EQ(got.max, expected.max);
            ASSERT_EQ(got.max_sequence, expected.max_sequence);
        }
        ASSERT_EQ(pyramid.firstNonFinite(from, to, at), first_gap);
    }
}

// The point of the pyramid: a long run costs a handful of reads, not one per point.
TEST(MinMaxDecimation, LongRunsReadFewPoints) {
    constexpr std::size_t kPoints = 1'000'000;
    MinMaxPyramid pyramid(kPoints);
    for (std::size_t i = 0; i < kPoints; ++i)
        pyramid.push(double(i % 1'000));
    int reads = 0;
    const auto at = [&](std::uint64_t s) {
        ++reads;
        return double(s % 1'000);
    };
    const SpanExtremes run = pyramid.extremes(3, kPoints - 5, at);
    ASSERT_EQ(run.min, 0.0);
    ASSERT_EQ(run.min_sequence, std::uint64_t(1'000));
    ASSERT_EQ(run.max, 999.0);
    ASSERT_EQ(run.max_sequence, std::uint64_t(999));
    ASSERT_LT(reads, 2 * int(MinMaxPyramid::kLeafSize));
}

// Points appended after the view's range was decimated show up in the next decimation,
// and dropped points leave it (the pyramid follows the ring buffer).
TEST(MinMaxDecimation, DecimationFollowsAppendsAndDrops) {
    SeriesStore store(1'000);
    auto series = store.series({"r", "m"});
    SeriesMirror mirror(1'000, 0.0);
    std::vector<PlotPoint> out;
    for (int i = 0; i < 3'000; ++i) {
        series->append({double(i), 1.7e9 + i, i == 2'500 ? 50.0 : 1.0});
        if (i % 250 == 0) mirror.sync(*series);
    }
    mirror.sync(*series);
    ASSERT_EQ(mirror[0].step, 2'000.0);
    MinMaxDecimator::decimate(mirror, AxisMode::Step, SeriesValue::Raw, 0, 3'000, 50, out);
    ASSERT_EQ(out.front().x, 2'000.0);
    ASSERT_EQ(out.back().x, 2'999.0);
    const auto spike =
        std::max_element(out.begin(), out.end(), [](auto& a, auto& b) { return a.y < b.y; });
    ASSERT_EQ(spike->x, 2'500.0);
    ASSERT_TRUE(out.size() <= 4 * 51);
}
