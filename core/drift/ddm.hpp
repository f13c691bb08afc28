#pragma once
#include <cstdint>

#include "drift/drift_detector.hpp"

namespace liveml::drift {

struct DdmParams {
    std::uint64_t warm_start = 30; // values before any warning or drift
    double warning_threshold = 2.0;
    double drift_threshold = 3.0;
};

// DDM (Gama et al. 2004) as River's drift.binary.DDM: on a 0/1 error stream, p = error rate
// so far and s = sqrt(p(1−p)/n); once n > warm_start it remembers the smallest p + s seen
// and signals a warning when p + s > p_min + 2·s_min, a drift when > p_min + 3·s_min (a
// drift clears the warning). After a drift the next update starts afresh.
class Ddm final : public DriftDetector {
  public:
    explicit Ddm(DdmParams params = {});
    void update(double x) override;
    void write_state(StateWriter& out) const override;
    void read_state(StateReader& in) override;
    double error_rate() const noexcept { return n_ == 0 ? 0.0 : p_; }

  private:
    void reset();

    DdmParams params_;
    std::uint64_t n_ = 0;
    double p_ = 0.0; // running mean of the values
    double p_min_ = 0.0;
    double s_min_ = 0.0;
    double ps_min_ = 0.0;
};

} // namespace liveml::drift
