#include "online/softmax_regression.hpp"

#include <array>
#include <cmath>
#include <stdexcept>
#include <string>

#include "online/dense_kernels.hpp"
#include "online/learner_input.hpp"
#include "online/model_codec.hpp"
#include "online/softmax_math.hpp"

namespace liveml::online {

namespace {

// Keeps the first AdaGrad step finite where a gradient is exactly zero.
constexpr double kAdagradEpsilon = 1e-12;

void check_params(const SoftmaxParams& p) {
    if (!std::isfinite(p.learning_rate) || !(p.learning_rate > 0.0))
        throw std::invalid_argument("learning_rate must be a finite number greater than 0");
}

} // namespace

SoftmaxRegression::SoftmaxRegression(SoftmaxParams params, std::vector<int> classes,
                                     std::size_t n_features)
    : params_(params), classes_(sorted_classes(std::move(classes))), n_features_(n_features) {
    check_params(params_);
    if (n_features_ == 0) throw std::invalid_argument("n_features must be at least 1");
    if (classes_.size() > kMaxClasses)
        throw std::invalid_argument("at most " + std::to_string(kMaxClasses) +
                                    " classes are supported");
    weights_.assign(n_features_ * classes_.size(), 0.0);
    grad_sq_.assign(weights_.size(), 0.0);
    bias_.assign(classes_.size(), 0.0);
    bias_grad_sq_.assign(classes_.size(), 0.0);
}

void SoftmaxRegression::scores(std::span<const double> x, double* out) const {
    std::copy(bias_.begin(), bias_.end(), out);
    kernels::add_sparse_rows(x.data(), n_features_, weights_.data(), classes_.size(), out);
}

void SoftmaxRegression::partial_fit(std::span<const double> x, int label) {
    check_features(x, n_features_);
    const std::size_t target = class_index(classes_, label);
    const std::size_t k_count = classes_.size();
    std::array<double, kMaxClasses> g{};
    scores(x, g.data());
    log_loss_gradient(g.data(), k_count, target);
    const double lr = params_.learning_rate;
    kernels::adagrad_sparse_outer(x.data(), n_features_, lr, kAdagradEpsilon, g.data(), k_count,
                                  weights_.data(), grad_sq_.data());
    for (std::size_t k = 0; k < k_count; ++k) {
        bias_grad_sq_[k] += g[k] * g[k];
        bias_[k] -= lr * g[k] / std::sqrt(bias_grad_sq_[k] + kAdagradEpsilon);
    }
    ++samples_seen_;
}

int SoftmaxRegression::predict(std::span<const double> x) const {
    check_features(x, n_features_);
    std::array<double, kMaxClasses> s{};
    scores(x, s.data());
    return classes_[argmax(s.data(), classes_.size())];
}

void SoftmaxRegression::predict_proba(std::span<const double> x, std::span<double> proba) const {
    check_features(x, n_features_);
    check_output_size(proba, classes_.size(), "predict_proba");
    scores(x, proba.data());
    softmax_in_place(proba.data(), proba.size());
}

std::unique_ptr<OnlineClassifier> SoftmaxRegression::clone() const {
    return std::make_unique<SoftmaxRegression>(*this);
}

void SoftmaxRegression::write_state(codec::ByteWriter& out) const {
    out.f64(params_.learning_rate);
    codec::write_classes(out, classes_);
    out.u32(static_cast<std::uint32_t>(n_features_));
    codec::write_doubles(out, weights_);
    codec::write_doubles(out, bias_);
    codec::write_doubles(out, grad_sq_);
    codec::write_doubles(out, bias_grad_sq_);
    out.u64(samples_seen_);
}

SoftmaxRegression SoftmaxRegression::read_state(codec::ByteReader& in) {
    SoftmaxParams params;
    params.learning_rate = in.f64("the learning rate");
    std::vector<int> classes = codec::read_classes(in);
    if (classes.size() > kMaxClasses) codec::corrupt("too many classes");
    const std::uint32_t n_features =
        codec::read_count(in, "the feature count", 1, kMaxModelFeatures);
    try {
        check_params(params);
    } catch (const std::invalid_argument& e) {
        codec::corrupt(e.what());
    }
    SoftmaxRegression model(params, std::move(classes), n_features);
    model.weights_ = codec::read_finite_doubles(in, model.weights_.size(), "the weights");
    model.bias_ = codec::read_finite_doubles(in, model.bias_.size(), "the biases");
    model.grad_sq_ = codec::read_finite_doubles(in, model.grad_sq_.size(), "the gradient sums");
    model.bias_grad_sq_ =
        codec::read_finite_doubles(in, model.bias_grad_sq_.size(), "the gradient sums");
    model.samples_seen_ = in.u64("the sample count");
    for (const double s : model.grad_sq_)
        if (s < 0.0) codec::corrupt("a gradient sum is negative");
    for (const double s : model.bias_grad_sq_)
        if (s < 0.0) codec::corrupt("a gradient sum is negative");
    return model;
}

} // namespace liveml::online
