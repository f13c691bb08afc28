#include "jobs/training_curve.hpp"

namespace liveml::jobs {

std::optional<CurvePoint> TrainingCurve::push(const JobEvent& event, std::int64_t arrived_ms) {
    if (event.type != EventType::Progress || event.phase != "train" || !event.loss)
        return std::nullopt;
    CurvePoint point;
    point.step = double(event.step);
    point.loss = *event.loss;
    // A step count that goes back (a resumed run restarting its reports) is a new baseline.
    if (last_step_ && event.step > *last_step_ && arrived_ms > last_ms_)
        point.throughput = double(event.step - *last_step_) * double(batch_size_) * 1000.0 /
                           double(arrived_ms - last_ms_);
    last_step_ = event.step;
    last_ms_ = arrived_ms;
    return point;
}

} // namespace liveml::jobs
