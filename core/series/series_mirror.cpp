#include "series/series_mirror.hpp"

namespace liveml::series {

SeriesMirror::SeriesMirror(std::size_t capacity, double smoothing)
    : points_(capacity), raw_(capacity), smoothed_(capacity), smoother_(smoothing) {}

bool SeriesMirror::sync(const SeriesBuffer& source) {
    const std::uint64_t before = next_sequence_;
    next_sequence_ = source.read_since(next_sequence_, [this](const SeriesPoint& p) {
        const double smoothed = smoother_.push(p.value);
        points_.push({p.step, p.time, p.value, smoothed});
        raw_.push(p.value);
        smoothed_.push(smoothed);
    });
    return next_sequence_ != before;
}

void SeriesMirror::setSmoothing(double weight) {
    smoother_ = EmaSmoother(weight);
    smoothed_.clear(points_.begin_sequence());
    for (std::size_t i = 0; i < points_.size(); ++i) {
        points_[i].smoothed = smoother_.push(points_[i].value);
        smoothed_.push(points_[i].smoothed);
    }
}

SpanExtremes SeriesMirror::extremes(SeriesValue which, std::size_t begin, std::size_t end) const {
    const std::uint64_t first = points_.begin_sequence();
    SpanExtremes out =
        pyramid(which).extremes(first + begin, first + end, [&](std::uint64_t sequence) {
            return points_[std::size_t(sequence - first)].y(which);
        });
    out.min_sequence -= first;
    out.max_sequence -= first;
    return out;
}

std::size_t SeriesMirror::firstGap(SeriesValue which, std::size_t begin, std::size_t end) const {
    const std::uint64_t first = points_.begin_sequence();
    return std::size_t(
        pyramid(which).firstNonFinite(first + begin, first + end,
                                      [&](std::uint64_t sequence) {
                                          return points_[std::size_t(sequence - first)].y(which);
                                      }) -
        first);
}

std::size_t SeriesMirror::lowerBound(AxisMode mode, double value) const {
    std::size_t lo = 0, hi = points_.size();
    while (lo < hi) {
        const std::size_t mid = lo + (hi - lo) / 2;
        if (points_[mid].x(mode) < value)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

std::size_t SeriesMirror::nearest(AxisMode mode, double value) const {
    const std::size_t n = points_.size();
    if (n == 0) return n;
    const std::size_t i = lowerBound(mode, value);
    if (i == n) return n - 1;
    if (i == 0) return 0;
    return value - points_[i - 1].x(mode) <= points_[i].x(mode) - value ? i - 1 : i;
}

} // namespace liveml::series
