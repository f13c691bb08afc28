#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace liveml::online {

enum class Loss { Log, Hinge };
enum class Penalty { None, L1, L2 };

std::string_view to_string(Loss);
std::string_view to_string(Penalty);
Loss parse_loss(std::string_view);       // "log" | "log_loss" | "hinge"; throws std::invalid_argument
Penalty parse_penalty(std::string_view); // "l1" | "l2" | "none"; throws std::invalid_argument

struct SgdParams {
    Loss loss = Loss::Log;
    Penalty penalty = Penalty::L1;
    double alpha = 0.01; // must be finite and > 0
};

// Multiclass one-vs-rest linear classifier trained by SGD with the 'optimal' learning
// rate; partial_fit/predict/predict_proba compute exactly what scikit-learn 1.2.1's
// SGDClassifier computes (see ../shared/specs/sklearn-sgd-partial-fit.md).
class SgdClassifier {
public:
    SgdClassifier(SgdParams params, std::vector<int> classes, std::size_t n_features);

    // One sample. label must be one of classes(); x has n_features() values.
    void partial_fit(std::span<const double> x, int label);
    // A mini-batch in one call, as scikit-learn's partial_fit(X, y) with shuffle=False:
    // X is row-major n×n_features.
    void partial_fit_batch(std::span<const double> X, std::span<const int> y);

    int predict(std::span<const double> x) const;
    // scores[k] = x·W[k] + b[k]
    void decision_function(std::span<const double> x, std::span<double> scores) const;
    // Log loss: normalised expit (sklearn's OvR); hinge: throws std::logic_error.
    void predict_proba(std::span<const double> x, std::span<double> proba) const;

    const SgdParams& params() const noexcept;
    const std::vector<int>& classes() const noexcept;
    std::size_t n_features() const noexcept;
    std::uint64_t samples_seen() const noexcept;
    double t() const noexcept; // sklearn's t_
    // Effective weights (wscale applied) of class k, and intercepts.
    std::span<const double> coef(std::size_t k) const;
    std::span<const double> intercept() const noexcept;

    // For loading a saved model: replaces the whole state after validating shapes.
    void restore(std::vector<double> coef_row_major, std::vector<double> intercept, double t,
                 std::uint64_t samples_seen);

private:
    // implementation-defined members
};

} // namespace liveml::online
