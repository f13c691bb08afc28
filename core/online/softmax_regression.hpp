#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "online/online_classifier.hpp"

namespace liveml::online {

namespace codec {
class ByteReader;
}

struct SoftmaxParams {
    // AdaGrad's base step. Per-weight steps are learning_rate / sqrt(sum of squared
    // gradients), so the feature scale hardly matters; 0.05 measured best on the digits
    // stream (docs/learners.md).
    double learning_rate = 0.05;
};

// Multinomial (softmax) logistic regression trained one sample at a time by AdaGrad on the
// log loss. Unlike one-vs-rest SGD, whose normalised expits saturate, its probabilities are
// the model's own estimate of P(class | x) and are fitted by the log loss itself.
//
// Zero features cost nothing (their gradient is zero), so sparse inputs such as the digits'
// block counts train fast. Weights are stored feature-major (all classes of one feature side
// by side) so each non-zero feature touches one contiguous run.
class SoftmaxRegression final : public OnlineClassifier {
  public:
    static constexpr std::string_view kKind = "softmax_regression";
    static constexpr std::size_t kMaxClasses = 256;

    SoftmaxRegression(SoftmaxParams params, std::vector<int> classes, std::size_t n_features);

    std::string_view kind() const noexcept override { return kKind; }
    const std::vector<int>& classes() const noexcept override { return classes_; }
    std::size_t n_features() const noexcept override { return n_features_; }
    std::uint64_t samples_seen() const noexcept override { return samples_seen_; }
    const SoftmaxParams& params() const noexcept { return params_; }

    void partial_fit(std::span<const double> x, int label) override;
    int predict(std::span<const double> x) const override;
    bool has_proba() const noexcept override { return true; }
    void predict_proba(std::span<const double> x, std::span<double> proba) const override;

    std::unique_ptr<OnlineClassifier> clone() const override;
    void write_state(codec::ByteWriter& out) const override;
    static SoftmaxRegression read_state(codec::ByteReader& in);

  private:
    void scores(std::span<const double> x, double* out) const;

    SoftmaxParams params_;
    std::vector<int> classes_;
    std::size_t n_features_;
    std::vector<double> weights_; // n_features × n_classes, feature-major
    std::vector<double> bias_;    // n_classes
    std::vector<double> grad_sq_; // AdaGrad's sums, laid out like weights_
    std::vector<double> bias_grad_sq_;
    std::uint64_t samples_seen_ = 0;
};

} // namespace liveml::online
