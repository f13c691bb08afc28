#include "drift/ddm.hpp"

#include "drift/detector_state.hpp"

#include <cmath>
#include <cstdint>
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

void Ddm::write_state(StateWriter& out) const {
    out.word("ddm");
    out.count(params_.warm_start);
    out.real(params_.warning_threshold);
    out.real(params_.drift_threshold);
    out.count(n_);
    out.real(p_);
    out.real(p_min_);
    out.real(s_min_);
    out.real(ps_min_);
    out.count(drift_);
    out.count(warning_);
}

void Ddm::read_state(StateReader& in) {
    in.expect("ddm", "the detector kind");
    if (in.count("DDM's warm start", UINT64_MAX) != params_.warm_start ||
        in.real("DDM's warning threshold") != params_.warning_threshold ||
        in.real("DDM's drift threshold") != params_.drift_threshold)
        throw DetectorStateError("drift detector state is for other DDM settings");
    Ddm next(params_);
    next.n_ = in.count("the value count", UINT64_MAX);
    next.p_ = in.finite_real("the error rate");
    next.p_min_ = in.real("the lowest error rate"); // infinite until the warm start ends
    next.s_min_ = in.real("its deviation");
    next.ps_min_ = in.real("their sum");
    next.drift_ = in.flag("the drift flag");
    next.warning_ = in.flag("the warning flag");
    *this = next;
}

} // namespace liveml::drift
