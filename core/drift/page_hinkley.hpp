#pragma once
#include <cstdint>

#include "drift/drift_detector.hpp"

namespace liveml::drift {

struct PageHinkleyParams {
    std::uint64_t min_instances = 30;
    double delta = 0.005;      // tolerated increase of the mean
    double threshold = 50.0;   // lambda
    double alpha = 1 - 0.0001; // forgetting factor of the cumulative sum
};

// The Page-Hinkley test for an increase of the mean, as River's drift.PageHinkley:
// sum = max(0, alpha·sum + (x − mean − delta)), a drift once sum ≥ threshold (after
// min_instances values). After a drift the next update starts afresh.
class PageHinkley final : public DriftDetector {
  public:
    explicit PageHinkley(PageHinkleyParams params = {});
    void update(double x) override;
    void write_state(StateWriter& out) const override;
    void read_state(StateReader& in) override;
    double statistic() const noexcept { return sum_; }

  private:
    void reset();

    PageHinkleyParams params_;
    std::uint64_t sample_count_ = 1;
    double mean_ = 0.0;
    double sum_ = 0.0;
};

} // namespace liveml::drift
