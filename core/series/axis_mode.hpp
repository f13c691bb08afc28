#pragma once

namespace liveml::series {

// What a chart's x axis measures.
enum class AxisMode {
    Step,     // samples seen by the model
    WallClock // local date/time of the measurement
};

} // namespace liveml::series
