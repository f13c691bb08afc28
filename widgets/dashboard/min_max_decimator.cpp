#include "dashboard/min_max_decimator.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace liveml::dashboard {

namespace {

// Collects one pixel column's first, min, max and last point and emits them in x order.
class ColumnAccumulator {
  public:
    void add(std::size_t index, const PlotPoint& p) {
        if (count_ == 0) first_ = last_ = min_ = max_ = {index, p};
        last_ = {index, p};
        if (p.y < min_.point.y) min_ = {index, p};
        if (p.y > max_.point.y) max_ = {index, p};
        ++count_;
    }

    void flush(std::vector<PlotPoint>& out) {
        if (count_ == 0) return;
        Indexed picks[] = {first_, min_, max_, last_};
        std::sort(std::begin(picks), std::end(picks),
                  [](const Indexed& a, const Indexed& b) { return a.index < b.index; });
        std::size_t previous = static_cast<std::size_t>(-1);
        for (const auto& pick : picks) {
            if (pick.index != previous) out.push_back(pick.point);
            previous = pick.index;
        }
        count_ = 0;
    }

  private:
    struct Indexed {
        std::size_t index;
        PlotPoint point;
    };
    Indexed first_{}, last_{}, min_{}, max_{};
    std::size_t count_ = 0;
};

} // namespace

void MinMaxDecimator::decimate(const SeriesMirror& series, AxisMode mode, Value value, double lo,
                               double hi, int columns, std::vector<PlotPoint>& out) {
    out.clear();
    const std::size_t n = series.size();
    if (n == 0 || !(hi >= lo)) return;
    const std::size_t first_inside = series.lowerBound(mode, lo);
    const std::size_t begin = first_inside > 0 ? first_inside - 1 : 0;
    const std::size_t first_after =
        series.lowerBound(mode, std::nextafter(hi, std::numeric_limits<double>::infinity()));
    const std::size_t end = std::min(n, first_after + 1);
    const auto point = [&](std::size_t i) {
        const auto& p = series[i];
        return PlotPoint{p.x(mode), value == Value::Raw ? p.value : p.smoothed};
    };

    columns = std::max(columns, 1);
    if (end - begin <= std::size_t(4) * std::size_t(columns) || hi == lo) {
        for (std::size_t i = begin; i < end; ++i)
            out.push_back(point(i));
        return;
    }

    const double columns_per_x = columns / (hi - lo);
    ColumnAccumulator column;
    long current = std::numeric_limits<long>::min();
    for (std::size_t i = begin; i < end; ++i) {
        const PlotPoint p = point(i);
        // Missing values break the line: flush what came before and keep the gap visible.
        if (!std::isfinite(p.y)) {
            column.flush(out);
            out.push_back(p);
            continue;
        }
        const long c = static_cast<long>(std::floor((p.x - lo) * columns_per_x));
        if (c != current) {
            column.flush(out);
            current = c;
        }
        column.add(i, p);
    }
    column.flush(out);
}

} // namespace liveml::dashboard
