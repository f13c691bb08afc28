#pragma once
// The live chart's points from a training job's progress events: the loss each event reports
// and the throughput between two events (pairs per second), from the times they arrived.
#include "jobs/job_event.hpp"

#include <cstdint>
#include <optional>

namespace liveml::jobs {

struct CurvePoint {
    double step = 0;
    double loss = 0;                  // NaN when the event had none
    std::optional<double> throughput; // pairs/s since the previous training event
};

class TrainingCurve {
  public:
    explicit TrainingCurve(std::int64_t batch_size) : batch_size_(batch_size) {}
    // A point for a `train`-phase progress event that carries a loss; nothing otherwise.
    // arrived_ms: when the studio read the line (events of a resumed run keep counting steps).
    std::optional<CurvePoint> push(const JobEvent& event, std::int64_t arrived_ms);

  private:
    std::int64_t batch_size_;
    std::optional<std::int64_t> last_step_;
    std::int64_t last_ms_ = 0;
};

} // namespace liveml::jobs
