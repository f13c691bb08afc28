#include "drift/page_hinkley.hpp"

#include "drift/detector_state.hpp"

#include <algorithm>
#include <cstdint>
#include <stdexcept>

namespace liveml::drift {

PageHinkley::PageHinkley(PageHinkleyParams params) : params_(params) {
    if (!(params_.threshold > 0.0)) throw std::invalid_argument("threshold must be > 0");
    if (!(params_.alpha > 0.0 && params_.alpha <= 1.0))
        throw std::invalid_argument("alpha must be in (0, 1]");
    reset();
}

void PageHinkley::reset() {
    // River counts from 1, so the first mean update divides by 1.
    sample_count_ = 1;
    mean_ = 0.0;
    sum_ = 0.0;
    drift_ = false;
}

void PageHinkley::update(double x) {
    if (drift_) reset();
    mean_ += (x - mean_) / static_cast<double>(sample_count_);
    sum_ = std::max(0.0, params_.alpha * sum_ + (x - mean_ - params_.delta));
    ++sample_count_;
    drift_ = sample_count_ >= params_.min_instances && sum_ >= params_.threshold;
}

void PageHinkley::write_state(StateWriter& out) const {
    out.word("page_hinkley");
    out.count(params_.min_instances);
    out.real(params_.delta);
    out.real(params_.threshold);
    out.real(params_.alpha);
    out.count(sample_count_);
    out.real(mean_);
    out.real(sum_);
    out.count(drift_);
}

void PageHinkley::read_state(StateReader& in) {
    in.expect("page_hinkley", "the detector kind");
    if (in.count("the minimum instances", UINT64_MAX) != params_.min_instances ||
        in.real("Page-Hinkley's delta") != params_.delta ||
        in.real("its threshold") != params_.threshold || in.real("its alpha") != params_.alpha)
        throw DetectorStateError("drift detector state is for other Page-Hinkley settings");
    PageHinkley next(params_);
    next.sample_count_ = in.count("the sample count", UINT64_MAX);
    if (next.sample_count_ == 0) throw DetectorStateError("drift detector state: no sample count");
    next.mean_ = in.finite_real("the mean");
    next.sum_ = in.finite_real("the cumulative sum");
    if (next.sum_ < 0.0) throw DetectorStateError("drift detector state: negative sum");
    next.drift_ = in.flag("the drift flag");
    *this = next;
}

} // namespace liveml::drift
