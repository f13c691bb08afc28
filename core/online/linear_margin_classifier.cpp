#include "online/linear_margin_classifier.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>
#include <string>

#include "online/learner_input.hpp"
#include "online/model_codec.hpp"
#include "online/sgd_kernels.hpp"

// Parity-critical (compiled with liveml_strict_fp): the score is the dot product summed in
// index order plus the intercept, the squared norm is summed in index order, and each row's
// weights move by x[j]*update, as in sklearn/linear_model/_sgd_fast.pyx.

namespace liveml::online {

namespace {

constexpr std::size_t kMaxRowsOnStack = 64;

std::size_t rows_for(std::size_t n_classes) {
    return n_classes == 2 ? 1 : n_classes;
}

} // namespace

LinearMarginClassifier::LinearMarginClassifier(MarginRule rule, double step,
                                               std::vector<int> classes, std::size_t n_features)
    : rule_(rule), step_(step), classes_(sorted_classes(std::move(classes))),
      n_features_(n_features), rows_(rows_for(classes_.size())) {
    if (!std::isfinite(step) || !(step > 0.0))
        throw std::invalid_argument("the step (eta0 or C) must be a finite number greater than 0");
    if (n_features_ == 0) throw std::invalid_argument("n_features must be at least 1");
    if (rows_ > kMaxRowsOnStack)
        throw std::invalid_argument("at most " + std::to_string(kMaxRowsOnStack) +
                                    " classes are supported");
    coef_.assign(rows_ * n_features_, 0.0);
    intercept_.assign(rows_, 0.0);
}

std::string_view LinearMarginClassifier::kind() const noexcept {
    return rule_ == MarginRule::Perceptron ? kPerceptronKind : kPassiveAggressiveKind;
}

double LinearMarginClassifier::step_size(double score, double y, double sqnorm) const {
    if (rule_ == MarginRule::Perceptron) return score * y <= 0.0 ? step_ * y : 0.0;
    const double z = score * y;
    const double hinge = z <= 1.0 ? 1.0 - z : 0.0;
    return std::min(step_, hinge / sqnorm) * y;
}

void LinearMarginClassifier::partial_fit(std::span<const double> x, int label) {
    check_features(x, n_features_);
    const std::size_t label_idx = class_index(classes_, label);
    ++samples_seen_;
    double sqnorm = 0.0;
    for (const double v : x)
        sqnorm += v * v;
    // scikit-learn's PA skips an all-zero sample (its step would divide by zero).
    if (rule_ == MarginRule::PassiveAggressive && sqnorm == 0.0) return;
    std::array<double, kMaxRowsOnStack> scores{};
    kernels::dot_rows(coef_.data(), rows_, n_features_, x.data(), scores.data());
    for (std::size_t r = 0; r < rows_; ++r) {
        const std::size_t positive = rows_ == 1 ? 1 : r;
        const double y = label_idx == positive ? 1.0 : -1.0;
        const double update = step_size(scores[r] + intercept_[r], y, sqnorm);
        if (update == 0.0) continue;
        if (!kernels::add_scaled(coef_.data() + r * n_features_, x.data(), n_features_, update))
            throw std::overflow_error("floating-point overflow in partial_fit");
        intercept_[r] += update;
    }
}

int LinearMarginClassifier::predict(std::span<const double> x) const {
    check_features(x, n_features_);
    std::array<double, kMaxRowsOnStack> scores{};
    kernels::dot_rows(coef_.data(), rows_, n_features_, x.data(), scores.data());
    if (rows_ == 1) return classes_[scores[0] + intercept_[0] > 0.0 ? 1 : 0];
    std::size_t best = 0;
    for (std::size_t r = 1; r < rows_; ++r)
        if (scores[r] + intercept_[r] > scores[best] + intercept_[best]) best = r;
    return classes_[best];
}

void LinearMarginClassifier::predict_proba(std::span<const double>, std::span<double>) const {
    throw std::logic_error(std::string(kind()) + " defines no probabilities (as in scikit-learn)");
}

std::unique_ptr<OnlineClassifier> LinearMarginClassifier::clone() const {
    return std::make_unique<LinearMarginClassifier>(*this);
}

void LinearMarginClassifier::write_state(codec::ByteWriter& out) const {
    out.f64(step_);
    codec::write_classes(out, classes_);
    out.u32(static_cast<std::uint32_t>(n_features_));
    codec::write_doubles(out, coef_);
    codec::write_doubles(out, intercept_);
    out.u64(samples_seen_);
}

LinearMarginClassifier LinearMarginClassifier::read_state(MarginRule rule, codec::ByteReader& in) {
    const double step = in.f64("the step");
    if (!std::isfinite(step) || !(step > 0.0)) codec::corrupt("the step must be finite and > 0");
    std::vector<int> classes = codec::read_classes(in);
    if (rows_for(classes.size()) > kMaxRowsOnStack) codec::corrupt("too many classes");
    const std::uint32_t n_features =
        codec::read_count(in, "the feature count", 1, kMaxModelFeatures);
    LinearMarginClassifier model(rule, step, std::move(classes), n_features);
    model.coef_ = codec::read_finite_doubles(in, model.coef_.size(), "the weights");
    model.intercept_ = codec::read_finite_doubles(in, model.rows_, "the intercepts");
    model.samples_seen_ = in.u64("the sample count");
    return model;
}

} // namespace liveml::online
