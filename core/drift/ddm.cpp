#include "drift/ddm.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>

namespace liveml::drift {

Ddm::Ddm(DdmParams params) : params_(params) {
    if (!(params_.warning_threshold > 0.0) || !(params_.drift_threshold > 0.0))
        throw std::invalid_argument("DDM's thresholds must be greater than 0");
    reset();
}

void Ddm::reset() {
    constexpr double kInf = std::numeric_limits<double>::infinity();
    n_ = 0;
    p_ = 0.0;
    p_min_ = s_min_ = ps_min_ = kInf;
    drift_ = warning_ = false;
}

void Ddm::update(double x) {
    if (drift_) reset();
    ++n_;
    // River's stats.Mean: mean += (x − mean) / n.
    p_ += (x - p_) / static_cast<double>(n_);
    const double s = std::sqrt(p_ * (1.0 - p_) / static_cast<double>(n_));
    if (n_ <= params_.warm_start) return;
    if (p_ + s <= ps_min_) {
        p_min_ = p_;
        s_min_ = s;
        ps_min_ = p_min_ + s_min_;
    }
    warning_ = p_ + s > p_min_ + params_.warning_threshold * s_min_;
    if (p_ + s > p_min_ + params_.drift_threshold * s_min_) {
        drift_ = true;
        warning_ = false;
    }
}

} // namespace liveml::drift
