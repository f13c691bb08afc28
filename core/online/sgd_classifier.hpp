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

enum class Loss { Log, Hinge };
enum class Penalty { None, L1, L2 };

std::string_view to_string(Loss);    // "log" | "hinge"
std::string_view to_string(Penalty); // "none" | "l1" | "l2"
Loss parse_loss(std::string_view);   // "log" | "log_loss" | "hinge"; throws std::invalid_argument
Penalty parse_penalty(std::string_view); // "l1" | "l2" | "none"; throws std::invalid_argument

struct SgdParams {
    Loss loss = Loss::Log;
    Penalty penalty = Penalty::L1;
    double alpha = 0.01; // must be finite and > 0
};

// Multiclass one-vs-rest linear classifier trained by SGD with the 'optimal' learning
// rate; partial_fit/predict/predict_proba compute exactly what scikit-learn 1.2.1's
// SGDClassifier computes (see ../shared/specs/sklearn-sgd-partial-fit.md).
//
// Like scikit-learn, classes are kept sorted and unique, and two classes give ONE weight row
// (the binary form: row 0 scores classes()[1] against classes()[0]); three or more give one row
// per class. n_coef_rows() says which.
//
// Not thread-safe for concurrent writers; const members may run concurrently (they use no
// shared scratch space). partial_fit and predict allocate nothing on the heap.
class SgdClassifier final : public OnlineClassifier {
  public:
    static constexpr std::string_view kKind = "sgd_classifier";

    // Throws std::invalid_argument for a non-finite or non-positive alpha, fewer than two
    // distinct classes, or n_features == 0.
    SgdClassifier(SgdParams params, std::vector<int> classes, std::size_t n_features);

    // One sample. label must be one of classes(); x has n_features() finite values.
    // Throws std::invalid_argument for bad input (the model is untouched) and
    // std::overflow_error when the update overflows (the model is restored to its prior state).
    void partial_fit(std::span<const double> x, int label) override;
    // A mini-batch in one call, as scikit-learn's partial_fit(X, y) with shuffle=False (one
    // epoch over the rows in the given order): X is row-major y.size()×n_features().
    void partial_fit_batch(std::span<const double> X, std::span<const int> y);

    // The class with the highest score; the first one on ties (an untrained model answers
    // classes()[0]). Throws std::invalid_argument on a wrong size or a non-finite value.
    int predict(std::span<const double> x) const override;
    // scores[r] = x·coef(r) + intercept()[r] for every weight row; scores.size() must be
    // n_coef_rows().
    void decision_function(std::span<const double> x, std::span<double> scores) const;
    // One probability per class (proba.size() == classes().size()), summing to 1. Log loss
    // only (sklearn's normalised one-vs-rest expit); hinge throws std::logic_error. Where
    // every expit underflows to 0 scikit-learn returns NaN; we return the formula's limit
    // (normalised exp of the scores) instead.
    void predict_proba(std::span<const double> x, std::span<double> proba) const override;

    const SgdParams& params() const noexcept { return params_; }
    std::string_view kind() const noexcept override { return kKind; }
    bool has_proba() const noexcept override { return params_.loss == Loss::Log; }
    const std::vector<int>& classes() const noexcept override { return classes_; }
    std::size_t n_features() const noexcept override { return n_features_; }
    std::size_t n_coef_rows() const noexcept { return rows_; }
    std::uint64_t samples_seen() const noexcept override { return samples_seen_; }
    double t() const noexcept { return t_; } // sklearn's t_: 1 + samples trained on
    // Weights of row k (k < n_coef_rows()), and the intercepts (one per row).
    std::span<const double> coef(std::size_t k) const;
    std::span<const double> intercept() const noexcept { return intercept_; }

    // For loading a saved model: replaces the whole state after validating shapes, finiteness
    // and t >= 1. Throws std::invalid_argument and leaves the model untouched on failure.
    void restore(std::vector<double> coef_row_major, std::vector<double> intercept, double t,
                 std::uint64_t samples_seen);

    std::unique_ptr<OnlineClassifier> clone() const override;
    // Model file body (layout in docs/model-format.md); read_state throws ModelFormatError.
    void write_state(codec::ByteWriter& out) const override;
    static SgdClassifier read_state(codec::ByteReader& in);

  private:
    double target(std::size_t row, std::size_t label_idx) const;
    void fit_rows(std::span<const double> X, std::span<const int> y);
    // One sample of a partial_fit call; false when the update overflowed.
    bool fit_one(std::span<const double> x, std::size_t label_idx, double t, bool single,
                 double& wscale, double& u);

    SgdParams params_;
    std::vector<int> classes_;
    std::size_t n_features_ = 0;
    std::size_t rows_ = 0;
    double optimal_init_ = 0.0; // sklearn's optimal_init: the first eta is 1/(alpha*optimal_init)
    std::vector<double> coef_;  // rows_ × n_features_, row-major
    std::vector<double> intercept_;
    double t_ = 1.0;
    std::uint64_t samples_seen_ = 0;

    // Scratch reused by every partial_fit call so the per-sample path never allocates.
    std::vector<double> q_; // L1: penalty actually applied to each weight during this call
    std::vector<double> scores_;
    std::vector<double> updates_;
    std::vector<double> saved_coef_; // restored when an update overflows
    std::vector<double> saved_intercept_;
};

} // namespace liveml::online
