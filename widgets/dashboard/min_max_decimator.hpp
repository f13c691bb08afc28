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
// is then the same as with every point (every spike keeps its extreme). A non-finite value
// is kept as a gap: it ends the column's run of points and a new run starts after it. Short
// ranges are passed through unchanged. One point either side of the range is kept so the line
// runs off the plot's edges.
//
// Cost: the mirror's min/max pyramid gives each column's extremes, and each column's end is
// found by galloping search, so a frame reads O(columns * log(points per column)) entries
// however many points are in view.
class MinMaxDecimator {
  public:
    // Replaces out's content (its storage is reused between frames).
    static void decimate(const SeriesMirror& series, AxisMode mode, SeriesValue value, double lo,
                         double hi, int columns, std::vector<PlotPoint>& out);
};

} // namespace liveml::dashboard
