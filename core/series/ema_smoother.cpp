#include "series/ema_smoother.hpp"

#include <algorithm>
#include <cmath>

namespace liveml::series {

EmaSmoother::EmaSmoother(double weight)
    : weight_(std::isfinite(weight) ? std::clamp(weight, 0.0, kMaxWeight) : 0.0) {}

double EmaSmoother::push(double value) {
    if (!std::isfinite(value)) return value;
    average_ = average_ * weight_ + (1 - weight_) * value;
    weight_power_ *= weight_;
    return average_ / (1 - weight_power_);
}

void EmaSmoother::reset() {
    average_ = 0;
    weight_power_ = 1;
}

std::vector<double> EmaSmoother::smooth(const std::vector<double>& values, double weight) {
    EmaSmoother smoother(weight);
    std::vector<double> out;
    out.reserve(values.size());
    for (double v : values)
        out.push_back(smoother.push(v));
    return out;
}

} // namespace liveml::series
