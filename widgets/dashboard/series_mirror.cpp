#include "dashboard/series_mirror.hpp"

namespace liveml::dashboard {

SeriesMirror::SeriesMirror(std::size_t capacity, double smoothing)
    : points_(capacity), smoother_(smoothing) {}

bool SeriesMirror::sync(const SeriesBuffer& source) {
    const std::uint64_t before = next_sequence_;
    next_sequence_ = source.read_since(next_sequence_, [this](const SeriesPoint& p) {
        points_.push({p.step, p.time, p.value, smoother_.push(p.value)});
    });
    return next_sequence_ != before;
}

void SeriesMirror::setSmoothing(double weight) {
    smoother_ = EmaSmoother(weight);
    for (std::size_t i = 0; i < points_.size(); ++i)
        points_[i].smoothed = smoother_.push(points_[i].value);
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

} // namespace liveml::dashboard
