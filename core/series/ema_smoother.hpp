#pragma once
#include <vector>

namespace liveml::series {

// Exponential moving average with TensorBoard's debiasing: the running average starts at 0
// and is divided by (1 - weight^n), so the first smoothed values are not dragged towards 0.
// Non-finite inputs pass through unchanged and leave the average alone (gaps stay gaps).
class EmaSmoother {
  public:
    static constexpr double kMaxWeight = 0.999;

    // weight 0 = no smoothing; clamped to [0, kMaxWeight].
    explicit EmaSmoother(double weight = 0);

    double push(double value);
    void reset();
    double weight() const noexcept { return weight_; }

    static std::vector<double> smooth(const std::vector<double>& values, double weight);

  private:
    double weight_;
    double average_ = 0;
    double weight_power_ = 1; // weight^n over the n finite values pushed so far
};

} // namespace liveml::series
