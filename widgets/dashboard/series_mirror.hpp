#pragma once
#include <cstdint>

#include "dashboard/axis_mode.hpp"
#include "dashboard/ema_smoother.hpp"
#include "dashboard/ring_buffer.hpp"
#include "dashboard/series_buffer.hpp"

namespace liveml::dashboard {

// The GUI thread's copy of one series, with the smoothed value of every point. It is
// updated incrementally (only points appended since the last sync are copied and smoothed),
// so a frame costs what arrived since the previous frame, not the history's length.
class SeriesMirror {
  public:
    struct Point {
        double step;
        double time;
        double value;
        double smoothed;
        double x(AxisMode mode) const noexcept { return mode == AxisMode::Step ? step : time; }
    };

    SeriesMirror(std::size_t capacity, double smoothing);

    // Copies what source gained since the last sync; true if anything was new.
    bool sync(const SeriesBuffer& source);
    // Recomputes every smoothed value with the new weight.
    void setSmoothing(double weight);

    std::size_t size() const noexcept { return points_.size(); }
    const Point& operator[](std::size_t i) const noexcept { return points_[i]; }

    // Index of the first point with x >= value (size() if none); x must be non-decreasing.
    std::size_t lowerBound(AxisMode mode, double value) const;
    // Index of the point whose x is nearest to value; size() if empty.
    std::size_t nearest(AxisMode mode, double value) const;

  private:
    RingBuffer<Point> points_;
    EmaSmoother smoother_;
    std::uint64_t next_sequence_ = 0;
};

} // namespace liveml::dashboard
