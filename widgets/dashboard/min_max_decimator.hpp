#pragma once
#include <vector>

#include "dashboard/axis_mode.hpp"
#include "dashboard/series_mirror.hpp"

namespace liveml::dashboard {

struct PlotPoint {
    double x;
    double y;
};

// Reduces the points of a series inside [lo, hi] to what a line `columns` pixels wide can
// show: per pixel column its first, lowest, highest and last point, in order. The drawn line
// is then the same as with every point (every spike keeps its extreme), at a cost bounded by
// the width instead of the point count. Short ranges are passed through unchanged. One point
// either side of the range is kept so the line runs off the plot's edges.
class MinMaxDecimator {
  public:
    enum class Value { Raw, Smoothed };

    // Replaces out's content (its storage is reused between frames).
    static void decimate(const SeriesMirror& series, AxisMode mode, Value value, double lo,
                         double hi, int columns, std::vector<PlotPoint>& out);
};

} // namespace liveml::dashboard
