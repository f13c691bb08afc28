#include "online/sgd_classifier.hpp"

#include "online/learner_input.hpp"
#include "online/sgd_kernels.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>
#include <string>

// Parity-critical: this file is compiled with -ffp-contract=off (liveml_strict_fp) and every
// expression below keeps scikit-learn's operand order (sklearn/linear_model/_sgd_fast.pyx,
// sklearn/utils/_weight_vector.pyx); tests/online/test_sgd_parity finds the weights
// bit-identical to scikit-learn 1.2.1's.
//
// scikit-learn trains each one-vs-rest row separately, but every row sees the same t, eta,
// L1 accumulator u and weight scale, so the rows can advance in lockstep sample by sample;
// that gives identical numbers and lets the dot products of all rows overlap.

namespace liveml::online {

namespace {

constexpr double kMaxDloss = 1e12;
// Below this weight scale the scale is folded into the weights (sklearn's reset threshold).
constexpr double kMinWeightScale = 1e-9;

double log_dloss(double p, double y) {
    const double z = p * y;
    if (z > 18.0) return std::exp(-z) * -y;
    if (z < -18.0) return -y;
    return -y / (std::exp(z) + 1.0);
}

double hinge_dloss(double p, double y) {
    return p * y <= 1.0 ? -y : 0.0;
}

double dloss(Loss loss, double p, double y) {
    return loss == Loss::Log ? log_dloss(p, y) : hinge_dloss(p, y);
}

// sklearn's max helper: on equal operands (0.0 vs -0.0) it returns the second one.
double max_of(double a, double b) {
    return a > b ? a : b;
}

double expit(double s) {
    return 1.0 / (1.0 + std::exp(-s));
}

// The learning rate is 1/(alpha*(optimal_init + t - 1)), with optimal_init chosen so that the
// first step uses sklearn's heuristic initial rate for a typical weight of 1/sqrt(sqrt(alpha)).
double optimal_init(Loss loss, double alpha) {
    const double typw = std::sqrt(1.0 / std::sqrt(alpha));
    const double eta0 = typw / std::max(1.0, dloss(loss, -typw, 1.0));
    return 1.0 / (eta0 * alpha);
}

} // namespace

std::string_view to_string(Loss loss) {
    return loss == Loss::Log ? "log" : "hinge";
}

std::string_view to_string(Penalty penalty) {
    switch (penalty) {
    case Penalty::L1:
        return "l1";
    case Penalty::L2:
        return "l2";
    case Penalty::None:
        break;
    }
    return "none";
}

Loss parse_loss(std::string_view s) {
    if (s == "log" || s == "log_loss") return Loss::Log;
    if (s == "hinge") return Loss::Hinge;
    throw std::invalid_argument("unknown loss '" + std::string(s) +
                                "' (expected log, log_loss or hinge)");
}

Penalty parse_penalty(std::string_view s) {
    if (s == "l1") return Penalty::L1;
    if (s == "l2") return Penalty::L2;
    if (s == "none") return Penalty::None;
    throw std::invalid_argument("unknown penalty '" + std::string(s) +
                                "' (expected l1, l2 or none)");
}

SgdClassifier::SgdClassifier(SgdParams params, std::vector<int> classes, std::size_t n_features)
    : params_(params), n_features_(n_features) {
    if (!std::isfinite(params_.alpha) || !(params_.alpha > 0.0))
        throw std::invalid_argument("alpha must be a finite number greater than 0, got " +
                                    std::to_string(params_.alpha));
    classes_ = sorted_classes(std::move(classes));
    if (n_features_ == 0) throw std::invalid_argument("n_features must be at least 1");
    rows_ = classes_.size() == 2 ? 1 : classes_.size();
    optimal_init_ = optimal_init(params_.loss, params_.alpha);
    coef_.assign(rows_ * n_features_, 0.0);
    intercept_.assign(rows_, 0.0);
    q_.assign(coef_.size(), 0.0);
    scores_.assign(rows_, 0.0);
    updates_.assign(rows_, 0.0);
    saved_coef_.assign(coef_.size(), 0.0);
    saved_intercept_.assign(rows_, 0.0);
}

std::span<const double> SgdClassifier::coef(std::size_t k) const {
    if (k >= rows_)
        throw std::out_of_range("weight row " + std::to_string(k) + " out of range (model has " +
                                std::to_string(rows_) + ")");
    return std::span<const double>(coef_).subspan(k * n_features_, n_features_);
}

double SgdClassifier::target(std::size_t row, std::size_t label_idx) const {
    // Binary form: the single row scores classes_[1] (positive) against classes_[0].
    const std::size_t positive = rows_ == 1 ? 1 : row;
    return label_idx == positive ? 1.0 : -1.0;
}

bool SgdClassifier::fit_one(std::span<const double> x, std::size_t label_idx, double t, bool single,
                            double& wscale, double& u) {
    const double alpha = params_.alpha;
    kernels::dot_rows(coef_.data(), rows_, n_features_, x.data(), scores_.data());
    const double eta = 1.0 / (alpha * ((optimal_init_ + t) - 1.0));
    for (std::size_t r = 0; r < rows_; ++r) {
        const double p = scores_[r] * wscale + intercept_[r];
        const double g =
            std::clamp(dloss(params_.loss, p, target(r, label_idx)), -kMaxDloss, kMaxDloss);
        updates_[r] = -eta * g;
    }
    if (params_.penalty == Penalty::L2) {
        // Weight decay by rescaling instead of touching every weight.
        wscale *= max_of(0.0, 1.0 - eta * alpha);
        if (wscale < kMinWeightScale) {
            kernels::scale(coef_.data(), coef_.size(), wscale);
            wscale = 1.0;
        }
    }
    // Only this step can overflow: decay and the L1 pull shrink weights towards zero.
    bool finite = true;
    for (std::size_t r = 0; r < rows_; ++r) {
        const double update = updates_[r];
        if (update == 0.0) continue;
        finite &= kernels::add_scaled(coef_.data() + r * n_features_, x.data(), n_features_,
                                      update / wscale);
        intercept_[r] += update;
        finite &= std::isfinite(intercept_[r]);
    }
    if (params_.penalty == Penalty::L1) {
        u += eta * alpha;
        if (single)
            kernels::l1_single(coef_.data(), coef_.size(), u);
        else
            kernels::l1_cumulative(coef_.data(), q_.data(), coef_.size(), u);
    }
    return finite;
}

void SgdClassifier::fit_rows(std::span<const double> X, std::span<const int> y) {
    if (y.empty()) throw std::invalid_argument("partial_fit needs at least one sample");
    if (X.size() != y.size() * n_features_)
        throw std::invalid_argument("expected " + std::to_string(y.size()) + "x" +
                                    std::to_string(n_features_) + " feature values, got " +
                                    std::to_string(X.size()));
    if (!kernels::all_finite(X.data(), X.size()))
        throw std::invalid_argument("features must be finite numbers");
    for (const int label : y)
        class_index(classes_, label);

    std::copy(coef_.begin(), coef_.end(), saved_coef_.begin());
    std::copy(intercept_.begin(), intercept_.end(), saved_intercept_.begin());
    const bool single = y.size() == 1;
    if (params_.penalty == Penalty::L1 && !single) std::fill(q_.begin(), q_.end(), 0.0);
    double wscale = 1.0;
    double u = 0.0;
    double t = t_;
    bool finite = true;
    for (std::size_t i = 0; i < y.size() && finite; ++i) {
        finite = fit_one(X.subspan(i * n_features_, n_features_), class_index(classes_, y[i]), t,
                         single, wscale, u);
        t += 1.0;
    }
    if (!finite) {
        std::copy(saved_coef_.begin(), saved_coef_.end(), coef_.begin());
        std::copy(saved_intercept_.begin(), saved_intercept_.end(), intercept_.begin());
        throw std::overflow_error("floating-point overflow in partial_fit; the model was left "
                                  "unchanged (scale the features or raise alpha)");
    }
    if (wscale != 1.0) kernels::scale(coef_.data(), coef_.size(), wscale);
    t_ += static_cast<double>(y.size());
    samples_seen_ += y.size();
}

void SgdClassifier::partial_fit(std::span<const double> x, int label) {
    fit_rows(x, std::span<const int>(&label, 1));
}

void SgdClassifier::partial_fit_batch(std::span<const double> X, std::span<const int> y) {
    fit_rows(X, y);
}

void SgdClassifier::decision_function(std::span<const double> x, std::span<double> scores) const {
    check_features(x, n_features_);
    if (scores.size() != rows_)
        throw std::invalid_argument("decision_function needs room for " + std::to_string(rows_) +
                                    " scores, got " + std::to_string(scores.size()));
    kernels::dot_rows(coef_.data(), rows_, n_features_, x.data(), scores.data());
    for (std::size_t r = 0; r < rows_; ++r)
        scores[r] += intercept_[r];
}

int SgdClassifier::predict(std::span<const double> x) const {
    check_features(x, n_features_);
    // Scores in stack-sized blocks: no heap, and const callers may share the model.
    constexpr std::size_t kBlock = 16;
    std::array<double, kBlock> block{};
    double best = 0.0;
    std::size_t best_row = 0;
    for (std::size_t first = 0; first < rows_; first += kBlock) {
        const std::size_t n = std::min(kBlock, rows_ - first);
        kernels::dot_rows(coef_.data() + first * n_features_, n, n_features_, x.data(),
                          block.data());
        for (std::size_t i = 0; i < n; ++i) {
            const double s = block[i] + intercept_[first + i];
            if (first + i == 0 || s > best) {
                best = s;
                best_row = first + i;
            }
        }
    }
    if (rows_ == 1) return classes_[best > 0.0 ? 1 : 0];
    return classes_[best_row];
}

void SgdClassifier::predict_proba(std::span<const double> x, std::span<double> proba) const {
    if (params_.loss != Loss::Log)
        throw std::logic_error("probabilities are only defined for the log loss, not " +
                               std::string(to_string(params_.loss)));
    if (proba.size() != classes_.size())
        throw std::invalid_argument("predict_proba needs room for " +
                                    std::to_string(classes_.size()) + " probabilities, got " +
                                    std::to_string(proba.size()));
    if (rows_ == 1) {
        double score = 0.0;
        decision_function(x, std::span<double>(&score, 1));
        const double p = expit(score);
        proba[0] = 1.0 - p;
        proba[1] = p;
        return;
    }
    decision_function(x, proba);
    const double top = *std::max_element(proba.begin(), proba.end());
    double sum = 0.0;
    for (double& p : proba) {
        p = expit(p);
        sum += p;
    }
    if (sum == 0.0) {
        // Every score is below about -745, so every expit underflowed and scikit-learn would
        // answer 0/0 = NaN. expit(s) tends to exp(s) there, so normalise exp(s - max) instead:
        // the limit of the same formula, and still a distribution ranked like predict().
        decision_function(x, proba);
        for (double& p : proba) {
            p = std::exp(p - top);
            sum += p;
        }
    }
    for (double& p : proba)
        p /= sum;
}

std::unique_ptr<OnlineClassifier> SgdClassifier::clone() const {
    return std::make_unique<SgdClassifier>(*this);
}

void SgdClassifier::restore(std::vector<double> coef_row_major, std::vector<double> intercept,
                            double t, std::uint64_t samples_seen) {
    if (coef_row_major.size() != coef_.size())
        throw std::invalid_argument("expected " + std::to_string(coef_.size()) + " weights, got " +
                                    std::to_string(coef_row_major.size()));
    if (intercept.size() != rows_)
        throw std::invalid_argument("expected " + std::to_string(rows_) + " intercepts, got " +
                                    std::to_string(intercept.size()));
    if (!kernels::all_finite(coef_row_major.data(), coef_row_major.size()) ||
        !kernels::all_finite(intercept.data(), intercept.size()))
        throw std::invalid_argument("weights and intercepts must be finite numbers");
    if (!std::isfinite(t) || !(t >= 1.0))
        throw std::invalid_argument("t must be a finite number of at least 1");
    coef_ = std::move(coef_row_major);
    intercept_ = std::move(intercept);
    t_ = t;
    samples_seen_ = samples_seen;
}

} // namespace liveml::online
