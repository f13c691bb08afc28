#pragma once
#include <compare>
#include <string>

namespace liveml::series {

// One sample of a metric. Both x coordinates are kept so a chart can switch between a step
// axis and a wall-clock axis without losing history. Within a series both are expected to be
// non-decreasing (a trainer whose step count goes back starts a new run instead).
struct SeriesPoint {
    double step = 0;  // samples seen by the model when the value was measured
    double time = 0;  // wall clock, seconds since the Unix epoch
    double value = 0; // NaN when the metric had no value (e.g. accuracy before any sample)
};

// A series is one metric of one run; several runs of the same metric overlay on a chart.
struct SeriesKey {
    std::string run;    // model version, trainer id, … whatever tells runs apart
    std::string metric; // e.g. "prequential_accuracy", "consumer_lag/digits:0"

    auto operator<=>(const SeriesKey&) const = default;
};

} // namespace liveml::series
