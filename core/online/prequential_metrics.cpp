#include "online/prequential_metrics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace liveml::online {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

} // namespace

void PrequentialMetrics::add(bool correct) {
    ++samples_;
    correct_ += correct ? 1 : 0;
}

void PrequentialMetrics::add(std::span<const double> proba, std::size_t label) {
    if (label >= proba.size()) throw std::invalid_argument("label index out of range");
    const std::size_t top =
        static_cast<std::size_t>(std::max_element(proba.begin(), proba.end()) - proba.begin());
    const bool correct = top == label;
    add(correct);
    ++proba_samples_;
    log_loss_sum_ -= std::log(std::clamp(proba[label], kMinProbability, 1.0 - kMinProbability));
    double brier = 0.0;
    for (std::size_t k = 0; k < proba.size(); ++k) {
        const double d = proba[k] - (k == label ? 1.0 : 0.0);
        brier += d * d;
    }
    brier_sum_ += brier;
    const double confidence = proba[top];
    const auto bin = std::min(kCalibrationBins - 1,
                              static_cast<std::size_t>(std::max(0.0, confidence) *
                                                       static_cast<double>(kCalibrationBins)));
    bins_[bin].count += 1;
    bins_[bin].correct += correct ? 1 : 0;
    bins_[bin].confidence += confidence;
}

double PrequentialMetrics::accuracy() const noexcept {
    return samples_ == 0 ? kNaN : static_cast<double>(correct_) / static_cast<double>(samples_);
}

double PrequentialMetrics::log_loss() const noexcept {
    return proba_samples_ == 0 ? kNaN : log_loss_sum_ / static_cast<double>(proba_samples_);
}

double PrequentialMetrics::brier_score() const noexcept {
    return proba_samples_ == 0 ? kNaN : brier_sum_ / static_cast<double>(proba_samples_);
}

double PrequentialMetrics::expected_calibration_error() const noexcept {
    if (proba_samples_ == 0) return kNaN;
    double ece = 0.0;
    for (const Bin& b : bins_) {
        if (b.count == 0) continue;
        const double n = static_cast<double>(b.count);
        ece += n / static_cast<double>(proba_samples_) *
               std::abs(static_cast<double>(b.correct) / n - b.confidence / n);
    }
    return ece;
}

} // namespace liveml::online
