#pragma once
#include <QString>

#include <vector>

#include "series/axis_mode.hpp"
#include "series/series_mirror.hpp"

namespace liveml::dashboard {

// Writes series as one CSV table (RFC 4180): the x column, then one column per series with
// its raw value. Rows are the distinct x values inside [lo, hi] of all series, in order; a
// series without a point at a row's x leaves its cell empty, as does a missing value.
class CsvExporter {
  public:
    struct Column {
        QString name;
        const series::SeriesMirror* series;
    };

    static QString table(const std::vector<Column>& columns, series::AxisMode mode, double lo,
                         double hi);
    // A field quoted when it holds a comma, quote or line break (quotes doubled).
    static QString field(const QString& text);
};

} // namespace liveml::dashboard
