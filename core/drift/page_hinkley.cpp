#include "drift/page_hinkley.hpp"

#include <algorithm>
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

} // namespace liveml::drift
