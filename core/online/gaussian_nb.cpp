#include "online/gaussian_nb.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <stdexcept>
#include <string>

#include "online/learner_input.hpp"
#include "online/model_codec.hpp"
#include "online/numpy_sum.hpp"

// Parity-critical (liveml_strict_fp): every expression follows sklearn/naive_bayes.py 1.2.1
// and numpy's evaluation order — column sums over a batch run row by row, sums along a row
// use numpy's pairwise grouping (numpy_sum.hpp).

namespace liveml::online {

namespace {

constexpr std::size_t kMaxClasses = 1024;

} // namespace

GaussianNb::GaussianNb(std::vector<int> classes, std::size_t n_features, double var_smoothing)
    : var_smoothing_(var_smoothing), classes_(sorted_classes(std::move(classes))),
      n_features_(n_features) {
    if (!std::isfinite(var_smoothing) || var_smoothing < 0.0)
        throw std::invalid_argument("var_smoothing must be a finite number >= 0");
    if (n_features_ == 0) throw std::invalid_argument("n_features must be at least 1");
    if (classes_.size() > kMaxClasses)
        throw std::invalid_argument("at most " + std::to_string(kMaxClasses) +
                                    " classes are supported");
    theta_.assign(classes_.size() * n_features_, 0.0);
    var_.assign(theta_.size(), 0.0);
    class_count_.assign(classes_.size(), 0.0);
    batch_mu_.assign(n_features_, 0.0);
    batch_var_.assign(n_features_, 0.0);
}

void GaussianNb::partial_fit(std::span<const double> x, int label) {
    partial_fit_batch(x, std::span<const int>(&label, 1));
}

namespace {

// numpy's mean and var over axis 0 of the rows of X labelled *only_label (all rows when it is
// null), into mu / var; returns the row count.
std::size_t column_moments(std::span<const double> X, std::span<const int> y, std::size_t d,
                           const int* only_label, std::vector<double>& mu,
                           std::vector<double>& var) {
    std::fill(mu.begin(), mu.end(), 0.0);
    std::fill(var.begin(), var.end(), 0.0);
    std::size_t n = 0;
    for (std::size_t i = 0; i < y.size(); ++i) {
        if (only_label && y[i] != *only_label) continue;
        for (std::size_t j = 0; j < d; ++j)
            mu[j] += X[i * d + j];
        ++n;
    }
    const double count = static_cast<double>(n);
    for (double& m : mu)
        m /= count;
    for (std::size_t i = 0; i < y.size(); ++i) {
        if (only_label && y[i] != *only_label) continue;
        for (std::size_t j = 0; j < d; ++j) {
            const double dev = X[i * d + j] - mu[j];
            var[j] += dev * dev;
        }
    }
    for (double& v : var)
        v /= count;
    return n;
}

} // namespace

void GaussianNb::merge_class(std::size_t k, std::span<const double> X, std::span<const int> y) {
    const int label = classes_[k];
    const std::size_t n = column_moments(X, y, n_features_, &label, batch_mu_, batch_var_);
    if (n == 0) return;
    double* mu = theta_.data() + k * n_features_;
    double* var = var_.data() + k * n_features_;
    const double n_past = class_count_[k];
    if (n_past == 0.0) {
        std::copy(batch_mu_.begin(), batch_mu_.end(), mu);
        std::copy(batch_var_.begin(), batch_var_.end(), var);
    } else {
        const double n_new = static_cast<double>(n);
        const double n_total = n_past + n_new;
        const double cross = n_new * n_past / n_total;
        for (std::size_t j = 0; j < n_features_; ++j) {
            const double total_mu = (n_new * batch_mu_[j] + n_past * mu[j]) / n_total;
            const double diff = mu[j] - batch_mu_[j];
            const double total_ssd =
                n_past * var[j] + n_new * batch_var_[j] + cross * (diff * diff);
            mu[j] = total_mu;
            var[j] = total_ssd / n_total;
        }
    }
    class_count_[k] += static_cast<double>(n);
}

void GaussianNb::partial_fit_batch(std::span<const double> X, std::span<const int> y) {
    if (y.empty()) throw std::invalid_argument("partial_fit needs at least one sample");
    if (X.size() != y.size() * n_features_)
        throw std::invalid_argument("expected " + std::to_string(y.size()) + "x" +
                                    std::to_string(n_features_) + " feature values, got " +
                                    std::to_string(X.size()));
    check_features(X, X.size());
    for (const int label : y)
        class_index(classes_, label);

    column_moments(X, y, n_features_, nullptr, batch_mu_, batch_var_);
    const bool first_call = samples_seen_ == 0;
    // scikit-learn takes the NEW batch's floor out of the stored variances (not the one it
    // added last time) before merging, then adds it back: kept as is for parity.
    epsilon_ = var_smoothing_ * *std::max_element(batch_var_.begin(), batch_var_.end());
    if (!first_call)
        for (double& v : var_)
            v -= epsilon_;
    for (std::size_t k = 0; k < classes_.size(); ++k)
        merge_class(k, X, y);
    for (double& v : var_)
        v += epsilon_;
    samples_seen_ += y.size();
}

void GaussianNb::joint_log_likelihood(std::span<const double> x, std::span<double> out) const {
    check_features(x, n_features_);
    check_output_size(out, classes_.size(), "joint_log_likelihood");
    const double total = numpy_pairwise_sum(class_count_.data(), class_count_.size());
    constexpr double kTwoPi = 2.0 * std::numbers::pi;
    // Per-feature terms, summed afterwards with numpy's grouping.
    std::vector<double> terms(n_features_);
    for (std::size_t k = 0; k < classes_.size(); ++k) {
        const double* mu = theta_.data() + k * n_features_;
        const double* var = var_.data() + k * n_features_;
        const double joint = std::log(class_count_[k] / total);
        for (std::size_t j = 0; j < n_features_; ++j)
            terms[j] = std::log(kTwoPi * var[j]);
        double n_ij = -0.5 * numpy_pairwise_sum(terms.data(), n_features_);
        for (std::size_t j = 0; j < n_features_; ++j) {
            const double dev = x[j] - mu[j];
            terms[j] = (dev * dev) / var[j];
        }
        n_ij -= 0.5 * numpy_pairwise_sum(terms.data(), n_features_);
        out[k] = joint + n_ij;
    }
}

int GaussianNb::predict(std::span<const double> x) const {
    std::vector<double> jll(classes_.size());
    joint_log_likelihood(x, jll);
    // numpy's argmax: the first maximum, and the first NaN if there is one.
    std::size_t best = 0;
    for (std::size_t k = 0; k < jll.size(); ++k) {
        if (std::isnan(jll[k])) return classes_[k];
        if (jll[k] > jll[best]) best = k;
    }
    return classes_[best];
}

void GaussianNb::predict_proba(std::span<const double> x, std::span<double> proba) const {
    check_output_size(proba, classes_.size(), "predict_proba");
    joint_log_likelihood(x, proba);
    // scipy's logsumexp, then exp(jll - log_prob).
    double top = *std::max_element(proba.begin(), proba.end());
    if (!std::isfinite(top)) top = 0.0;
    std::vector<double> shifted(proba.size());
    for (std::size_t k = 0; k < proba.size(); ++k)
        shifted[k] = std::exp(proba[k] - top);
    const double log_prob = std::log(numpy_pairwise_sum(shifted.data(), shifted.size())) + top;
    for (double& p : proba)
        p = std::exp(p - log_prob);
}

std::unique_ptr<OnlineClassifier> GaussianNb::clone() const {
    return std::make_unique<GaussianNb>(*this);
}

void GaussianNb::write_state(codec::ByteWriter& out) const {
    out.f64(var_smoothing_);
    codec::write_classes(out, classes_);
    out.u32(static_cast<std::uint32_t>(n_features_));
    codec::write_doubles(out, theta_);
    codec::write_doubles(out, var_);
    codec::write_doubles(out, class_count_);
    out.f64(epsilon_);
    out.u64(samples_seen_);
}

GaussianNb GaussianNb::read_state(codec::ByteReader& in) {
    const double var_smoothing = in.f64("var_smoothing");
    if (!std::isfinite(var_smoothing) || var_smoothing < 0.0)
        codec::corrupt("var_smoothing must be finite and >= 0");
    std::vector<int> classes = codec::read_classes(in);
    if (classes.size() > kMaxClasses) codec::corrupt("too many classes");
    const std::uint32_t n_features =
        codec::read_count(in, "the feature count", 1, kMaxModelFeatures);
    GaussianNb model(std::move(classes), n_features, var_smoothing);
    // Variances of a model trained one sample at a time are legitimately 0, never negative.
    model.theta_ = codec::read_finite_doubles(in, model.theta_.size(), "the means");
    model.var_ = codec::read_finite_doubles(in, model.var_.size(), "the variances");
    model.class_count_ = codec::read_finite_doubles(in, model.class_count_.size(), "the counts");
    model.epsilon_ = in.f64("epsilon");
    model.samples_seen_ = in.u64("the sample count");
    if (!std::isfinite(model.epsilon_) || model.epsilon_ < 0.0)
        codec::corrupt("epsilon must be finite and >= 0");
    for (const double c : model.class_count_)
        if (c < 0.0) codec::corrupt("a class count is negative");
    return model;
}

} // namespace liveml::online
