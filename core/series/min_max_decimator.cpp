#include "series/min_max_decimator.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>

namespace liveml::series {

namespace {

class ColumnWriter {
  public:
    ColumnWriter(const SeriesMirror& series, AxisMode mode, SeriesValue value,
                 std::vector<PlotPoint>& out)
        : series_(series), mode_(mode), value_(value), out_(out) {}

    void point(std::size_t i) {
        const auto& p = series_[i];
        out_.push_back({p.x(mode_), p.y(value_)});
    }

    // Points [begin, end) of one pixel column: first, lowest, highest and last of each run
    // between gaps, and the gaps themselves.
    void column(std::size_t begin, std::size_t end) {
        SpanExtremes run = series_.extremes(value_, begin, end);
        while (run.non_finite > 0) {
            const std::size_t gap = series_.firstGap(value_, begin, end);
            if (gap > begin) finiteRun(begin, gap, series_.extremes(value_, begin, gap));
            point(gap);
            begin = gap + 1;
            if (begin == end) return;
            run = series_.extremes(value_, begin, end);
        }
        finiteRun(begin, end, run);
    }

  private:
    void finiteRun(std::size_t begin, std::size_t end, const SpanExtremes& run) {
        std::size_t picks[] = {begin, std::size_t(run.min_sequence), std::size_t(run.max_sequence),
                               end - 1};
        std::sort(std::begin(picks), std::end(picks));
        const auto last = std::unique(std::begin(picks), std::end(picks));
        for (auto it = std::begin(picks); it != last; ++it)
            point(*it);
    }

    const SeriesMirror& series_;
    AxisMode mode_;
    SeriesValue value_;
    std::vector<PlotPoint>& out_;
};

} // namespace

void MinMaxDecimator::split(const SeriesMirror& series, AxisMode mode, double lo, double hi,
                            int columns, Columns& out) {
    out.ends.clear();
    out.begin = out.end = 0;
    out.passThrough = true;
    const std::size_t n = series.size();
    if (n == 0 || !(hi >= lo)) return;
    const std::size_t first_inside = series.lowerBound(mode, lo);
    out.begin = first_inside > 0 ? first_inside - 1 : 0;
    const std::size_t first_after =
        series.lowerBound(mode, std::nextafter(hi, std::numeric_limits<double>::infinity()));
    out.end = std::min(n, first_after + 1);
    columns = std::max(columns, 1);
    out.passThrough = out.end - out.begin <= std::size_t(4) * std::size_t(columns) || hi == lo;
    if (out.passThrough) return;

    // A point's column is floor((x - lo) * columns_per_x); x is non-decreasing, so columns are
    // too and a column's points are one index range. Its end is searched, not scanned:
    // "still in column c" is position < c + 1, the same test the floor makes. The search starts
    // where the previous column's width predicts the end and gallops from there, so evenly
    // spaced points cost two neighbouring reads per column instead of a binary search's
    // scattered ones.
    const double columns_per_x = columns / (hi - lo);
    const auto position = [&](std::size_t i) { return (series[i].x(mode) - lo) * columns_per_x; };
    std::size_t width = 1; // points in the previous column
    for (std::size_t i = out.begin; i < out.end;) {
        const double next_column = std::floor(position(i)) + 1;
        const auto inColumn = [&](std::size_t j) { return position(j) < next_column; };
        std::size_t inside = i + 1;    // [i, inside) are known to lie in the column
        std::size_t outside = out.end; // [outside, end) are known to lie beyond it
        const std::size_t guess = std::min(i + width, out.end);
        if (guess < out.end && inColumn(guess)) {
            inside = guess + 1;
            for (std::size_t step = 1; inside < outside; step *= 2) {
                const std::size_t probe = std::min(inside + step - 1, outside - 1);
                if (!inColumn(probe)) {
                    outside = probe;
                    break;
                }
                inside = probe + 1;
            }
        } else {
            outside = guess;
            for (std::size_t step = 1; inside < outside; step *= 2) {
                const std::size_t probe = outside - std::min(step, outside - inside);
                if (inColumn(probe)) {
                    inside = probe + 1;
                    break;
                }
                outside = probe;
            }
        }
        while (inside < outside) {
            const std::size_t mid = inside + (outside - inside) / 2;
            if (inColumn(mid))
                inside = mid + 1;
            else
                outside = mid;
        }
        out.ends.push_back(inside);
        width = inside - i;
        i = inside;
    }
}

void MinMaxDecimator::decimate(const SeriesMirror& series, const Columns& columns, AxisMode mode,
                               SeriesValue value, std::vector<PlotPoint>& out) {
    out.clear();
    ColumnWriter writer(series, mode, value, out);
    if (columns.passThrough) {
        for (std::size_t i = columns.begin; i < columns.end; ++i)
            writer.point(i);
        return;
    }
    std::size_t begin = columns.begin;
    for (std::size_t end : columns.ends) {
        writer.column(begin, end);
        begin = end;
    }
}

void MinMaxDecimator::decimate(const SeriesMirror& series, AxisMode mode, SeriesValue value,
                               double lo, double hi, int columns, std::vector<PlotPoint>& out) {
    Columns split_columns;
    split(series, mode, lo, hi, columns, split_columns);
    decimate(series, split_columns, mode, value, out);
}

} // namespace liveml::series
