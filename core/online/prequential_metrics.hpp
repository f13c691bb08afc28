#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

namespace liveml::online {

// Test-then-train scores of one learner over a stream: each sample is scored before the
// learner trains on it. Accuracy always; log loss, Brier score and expected calibration
// error from the samples that came with probabilities (learners without them report only
// accuracy: probability_samples() stays 0).
class PrequentialMetrics {
  public:
    static constexpr std::size_t kCalibrationBins = 10;
    // Probabilities are clipped here before the log, as scikit-learn's log_loss does.
    static constexpr double kMinProbability = 1e-15;

    // A prediction without probabilities.
    void add(bool correct);
    // proba: one per class (summing to 1); label: the true class's index into it. The
    // prediction counted is the most probable class (the first on ties).
    void add(std::span<const double> proba, std::size_t label);

    std::uint64_t samples() const noexcept { return samples_; }
    std::uint64_t probability_samples() const noexcept { return proba_samples_; }
    double accuracy() const noexcept;
    double log_loss() const noexcept;    // mean −log p(true class); NaN without probabilities
    double brier_score() const noexcept; // mean Σ_k (p_k − [k = true])², 0..2; NaN without
    // Σ_bins (n_b / n) |accuracy_b − mean confidence_b| over 10 equal-width bins of the top
    // probability; NaN without probabilities.
    double expected_calibration_error() const noexcept;

  private:
    struct Bin {
        std::uint64_t count = 0;
        std::uint64_t correct = 0;
        double confidence = 0.0;
    };
    std::uint64_t samples_ = 0;
    std::uint64_t correct_ = 0;
    std::uint64_t proba_samples_ = 0;
    double log_loss_sum_ = 0.0;
    double brier_sum_ = 0.0;
    std::array<Bin, kCalibrationBins> bins_{};
};

} // namespace liveml::online
