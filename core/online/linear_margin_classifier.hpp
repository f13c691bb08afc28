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

// The two mistake-driven linear learners of scikit-learn 1.2.1, one-vs-rest, no penalty,
// fit_intercept=True, one partial_fit per sample (shuffle is then a no-op):
//  - Perceptron(eta0): step eta0*y when y*score <= 0 (sklearn's Hinge(0) loss, constant rate);
//  - PassiveAggressiveClassifier(C, loss='hinge'), PA-I: step y*min(C, hinge/||x||²) with
//    hinge = max(0, 1 - y*score); a sample with ||x|| = 0 is skipped.
// Both are exactly scikit-learn's plain_sgd arithmetic (tests/online/test_margin_parity).
// Like scikit-learn's, neither defines probabilities.
enum class MarginRule { Perceptron, PassiveAggressive };

class LinearMarginClassifier final : public OnlineClassifier {
  public:
    static constexpr std::string_view kPerceptronKind = "perceptron";
    static constexpr std::string_view kPassiveAggressiveKind = "passive_aggressive";

    // step: the Perceptron's eta0 or PA's C, finite and > 0 (scikit-learn's defaults are 1).
    LinearMarginClassifier(MarginRule rule, double step, std::vector<int> classes,
                           std::size_t n_features);

    std::string_view kind() const noexcept override;
    const std::vector<int>& classes() const noexcept override { return classes_; }
    std::size_t n_features() const noexcept override { return n_features_; }
    std::uint64_t samples_seen() const noexcept override { return samples_seen_; }
    MarginRule rule() const noexcept { return rule_; }
    double step() const noexcept { return step_; }
    std::size_t n_coef_rows() const noexcept { return rows_; }
    std::span<const double> coef() const noexcept { return coef_; } // rows × n_features
    std::span<const double> intercept() const noexcept { return intercept_; }

    void partial_fit(std::span<const double> x, int label) override;
    int predict(std::span<const double> x) const override;
    bool has_proba() const noexcept override { return false; }
    void predict_proba(std::span<const double> x, std::span<double> proba) const override;

    std::unique_ptr<OnlineClassifier> clone() const override;
    void write_state(codec::ByteWriter& out) const override;
    static LinearMarginClassifier read_state(MarginRule rule, codec::ByteReader& in);

  private:
    double step_size(double score, double y, double sqnorm) const;

    MarginRule rule_;
    double step_;
    std::vector<int> classes_;
    std::size_t n_features_;
    std::size_t rows_;
    std::vector<double> coef_;
    std::vector<double> intercept_;
    std::uint64_t samples_seen_ = 0;
};

} // namespace liveml::online
