#pragma once
#include <cstddef>
#include <vector>

#include "series/axis_mode.hpp"
#include "series/series_mirror.hpp"

namespace liveml::series {

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
// Cost: each column's end is found by galloping search and its extremes come from the
// mirror's min/max pyramid, so a frame reads O(columns * log(points per column)) entries
// however many points are in view. The columns depend only on x, so a series' raw and
// smoothed lines share one Columns.
class MinMaxDecimator {
  public:
    // Where each pixel column's points lie in a series.
    struct Columns {
        std::size_t begin = 0, end = 0; // the points drawn, one either side of [lo, hi]
        bool passThrough = true;        // few enough to draw every one
        std::vector<std::size_t> ends;  // one past each non-empty column's last point
    };

    // Replaces columns' content (its storage is reused between frames).
    static void split(const SeriesMirror& series, AxisMode mode, double lo, double hi, int columns,
                      Columns& out);
    // Replaces out's content with the points to draw of one line.
    static void decimate(const SeriesMirror& series, const Columns& columns, AxisMode mode,
                         SeriesValue value, std::vector<PlotPoint>& out);
    // Both steps for one line.
    static void decimate(const SeriesMirror& series, AxisMode mode, SeriesValue value, double lo,
                         double hi, int columns, std::vector<PlotPoint>& out);
};

} // namespace liveml::series
