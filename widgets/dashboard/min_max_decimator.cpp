#include "dashboard/min_max_decimator.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>

namespace liveml::dashboard {

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

void MinMaxDecimator::decimate(const SeriesMirror& series, AxisMode mode, SeriesValue value,
                               double lo, double hi, int columns, std::vector<PlotPoint>& out) {
    out.clear();
    const std::size_t n = series.size();
    if (n == 0 || !(hi >= lo)) return;
    const std::size_t first_inside = series.lowerBound(mode, lo);
    const std::size_t begin = first_inside > 0 ? first_inside - 1 : 0;
    const std::size_t first_after =
        series.lowerBound(mode, std::nextafter(hi, std::numeric_limits<double>::infinity()));
    const std::size_t end = std::min(n, first_after + 1);
    ColumnWriter writer(series, mode, value, out);

    columns = std::max(columns, 1);
    if (end - begin <= std::size_t(4) * std::size_t(columns) || hi == lo) {
        for (std::size_t i = begin; i < end; ++i)
            writer.point(i);
        return;
    }

    const double columns_per_x = columns / (hi - lo);
    // The same expression decides every point's column (x is non-decreasing, so columns are
    // too): a column's points are one index range, whose end is searched, not scanned.
    const auto column_of = [&](std::size_t i) {
        return static_cast<long>(std::floor((series[i].x(mode) - lo) * columns_per_x));
    };
    for (std::size_t i = begin; i < end;) {
        const long c = column_of(i);
        std::size_t inside = i + 1; // [i, inside) are known to lie in column c
        std::size_t outside = end;  // [outside, end) are known to lie beyond it
        for (std::size_t step = 1; inside < outside; step *= 2) {
            const std::size_t probe = std::min(inside + step - 1, outside - 1);
            if (column_of(probe) != c) {
                outside = probe;
                break;
            }
            inside = probe + 1;
        }
        while (inside < outside) {
            const std::size_t mid = inside + (outside - inside) / 2;
            if (column_of(mid) == c)
                inside = mid + 1;
            else
                outside = mid;
        }
        writer.column(i, inside);
        i = inside;
    }
}

} // namespace liveml::dashboard
