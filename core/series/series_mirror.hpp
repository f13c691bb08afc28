#pragma once
#include <cstdint>

#include "series/axis_mode.hpp"
#include "series/ema_smoother.hpp"
#include "series/min_max_pyramid.hpp"
#include "series/ring_buffer.hpp"
#include "series/series_buffer.hpp"

namespace liveml::series {

// Which line of a series: the values as measured or their EMA.
enum class SeriesValue { Raw, Smoothed };

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
        double y(SeriesValue which) const noexcept {
            return which == SeriesValue::Raw ? value : smoothed;
        }
    };

    SeriesMirror(std::size_t capacity, double smoothing);

    // Copies what source gained since the last sync; true if anything was new.
    bool sync(const SeriesBuffer& source);
    // Recomputes every smoothed value with the new weight.
    void setSmoothing(double weight);

    std::size_t size() const noexcept { return points_.size(); }
    const Point& operator[](std::size_t i) const noexcept { return points_[i]; }

    // Extremes of one line over the points [begin, end); min_sequence and max_sequence are
    // point indices here.
    SpanExtremes extremes(SeriesValue which, std::size_t begin, std::size_t end) const;
    // Index of the first point in [begin, end) whose value on that line is not finite (a gap);
    // end if none.
    std::size_t firstGap(SeriesValue which, std::size_t begin, std::size_t end) const;

    // Index of the first point with x >= value (size() if none); x must be non-decreasing.
    std::size_t lowerBound(AxisMode mode, double value) const;
    // Index of the point whose x is nearest to value; size() if empty.
    std::size_t nearest(AxisMode mode, double value) const;

  private:
    const MinMaxPyramid& pyramid(SeriesValue which) const noexcept {
        return which == SeriesValue::Raw ? raw_ : smoothed_;
    }

    RingBuffer<Point> points_;
    MinMaxPyramid raw_;
    MinMaxPyramid smoothed_;
    EmaSmoother smoother_;
    std::uint64_t next_sequence_ = 0;
};

} // namespace liveml::series
