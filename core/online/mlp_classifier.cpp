#include "online/mlp_classifier.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <random>
#include <stdexcept>
#include <string>

#include "online/dense_kernels.hpp"
#include "online/learner_input.hpp"
#include "online/model_codec.hpp"
#include "online/softmax_math.hpp"

namespace liveml::online {

namespace {

void check_params(const MlpParams& p) {
    if (p.hidden < 1 || p.hidden > MlpClassifier::kMaxHidden)
        throw std::invalid_argument("hidden must be 1.." +
                                    std::to_string(MlpClassifier::kMaxHidden));
    if (!std::isfinite(p.learning_rate) || !(p.learning_rate > 0.0))
        throw std::invalid_argument("learning_rate must be a finite number greater than 0");
    if (!std::isfinite(p.input_scale) || !(p.input_scale > 0.0))
        throw std::invalid_argument("input_scale must be a finite number greater than 0");
}

// Uniform in [-a, a) from the top 53 bits of a 64-bit Mersenne Twister, whose sequence the
// standard fixes (unlike its distributions).
double uniform(std::mt19937_64& rng, double a) {
    const double u = static_cast<double>(rng() >> 11) * 0x1.0p-53;
    return (2.0 * u - 1.0) * a;
}

} // namespace

MlpClassifier::MlpClassifier(MlpParams params, std::vector<int> classes, std::size_t n_features)
    : params_(params), classes_(sorted_classes(std::move(classes))), n_features_(n_features) {
    check_params(params_);
    if (n_features_ == 0) throw std::invalid_argument("n_features must be at least 1");
    if (classes_.size() > kMaxClasses)
        throw std::invalid_argument("at most " + std::to_string(kMaxClasses) +
                                    " classes are supported");
    const std::size_t h = params_.hidden;
    const std::size_t k = classes_.size();
    // He initialisation for the ReLU layer (variance 2/fan_in, for inputs of size
    // input_scale), Glorot-like for the output layer; uniform with those variances.
    std::mt19937_64 rng(params_.seed);
    const double a1 = std::sqrt(3.0 * 2.0 / static_cast<double>(n_features_)) / params_.input_scale;
    const double a2 = std::sqrt(3.0 / static_cast<double>(h));
    w1_.resize(n_features_ * h);
    for (double& w : w1_)
        w = uniform(rng, a1);
    w2_.resize(h * k);
    for (double& w : w2_)
        w = uniform(rng, a2);
    b1_.assign(h, 0.0);
    b2_.assign(k, 0.0);
}

void MlpClassifier::forward(std::span<const double> x, double* hidden, double* scores) const {
    const std::size_t h = params_.hidden;
    const std::size_t k = classes_.size();
    std::copy(b1_.begin(), b1_.end(), hidden);
    kernels::add_sparse_rows(x.data(), n_features_, w1_.data(), h, hidden);
    for (std::size_t i = 0; i < h; ++i)
        hidden[i] = hidden[i] > 0.0 ? hidden[i] : 0.0;
    std::copy(b2_.begin(), b2_.end(), scores);
    kernels::add_sparse_rows(hidden, h, w2_.data(), k, scores);
}

void MlpClassifier::partial_fit(std::span<const double> x, int label) {
    check_features(x, n_features_);
    const std::size_t target = class_index(classes_, label);
    const std::size_t h = params_.hidden;
    const std::size_t k = classes_.size();
    std::array<double, kMaxHidden> hidden{};
    std::array<double, kMaxHidden> dhidden{};
    std::array<double, kMaxClasses> g{};
    forward(x, hidden.data(), g.data());
    log_loss_gradient(g.data(), k, target);
    const double lr = params_.learning_rate;
    // Output layer: back-propagate through the weights before moving them.
    for (std::size_t i = 0; i < h; ++i) {
        double* w = w2_.data() + i * k;
        double d = 0.0;
        for (std::size_t c = 0; c < k; ++c)
            d += g[c] * w[c];
        dhidden[i] = hidden[i] > 0.0 ? d : 0.0;
        const double step = lr * hidden[i];
        if (step == 0.0) continue;
        for (std::size_t c = 0; c < k; ++c)
            w[c] -= step * g[c];
    }
    for (std::size_t c = 0; c < k; ++c)
        b2_[c] -= lr * g[c];
    kernels::sub_sparse_outer(x.data(), n_features_, lr, dhidden.data(), h, w1_.data());
    for (std::size_t i = 0; i < h; ++i)
        b1_[i] -= lr * dhidden[i];
    ++samples_seen_;
}

int MlpClassifier::predict(std::span<const double> x) const {
    check_features(x, n_features_);
    std::array<double, kMaxHidden> hidden{};
    std::array<double, kMaxClasses> s{};
    forward(x, hidden.data(), s.data());
    return classes_[argmax(s.data(), classes_.size())];
}

void MlpClassifier::predict_proba(std::span<const double> x, std::span<double> proba) const {
    check_features(x, n_features_);
    check_output_size(proba, classes_.size(), "predict_proba");
    std::array<double, kMaxHidden> hidden{};
    forward(x, hidden.data(), proba.data());
    softmax_in_place(proba.data(), proba.size());
}

std::unique_ptr<OnlineClassifier> MlpClassifier::clone() const {
    return std::make_unique<MlpClassifier>(*this);
}

MlpClassifier MlpClassifier::averaged(std::span<const MlpClassifier> members) {
    if (members.empty()) throw std::invalid_argument("averaging needs at least one network");
    const MlpClassifier& first = members.front();
    std::size_t total = 0;
    for (const auto& m : members) {
        if (m.classes_ != first.classes_ || m.n_features_ != first.n_features_)
            throw std::invalid_argument("averaged networks must share classes and features");
        total += m.params_.hidden;
    }
    if (total > kMaxHidden)
        throw std::invalid_argument("averaged networks have " + std::to_string(total) +
                                    " hidden units together, the limit is " +
                                    std::to_string(kMaxHidden));
    MlpParams params = first.params_;
    params.hidden = total;
    MlpClassifier out(params, first.classes_, first.n_features_);
    const std::size_t k = first.classes_.size();
    const double share = 1.0 / static_cast<double>(members.size());
    std::fill(out.b2_.begin(), out.b2_.end(), 0.0);
    out.samples_seen_ = 0;
    std::size_t offset = 0; // the member's first unit in the joined layer
    for (const auto& m : members) {
        const std::size_t h = m.params_.hidden;
        for (std::size_t j = 0; j < first.n_features_; ++j)
            std::copy_n(m.w1_.begin() + static_cast<std::ptrdiff_t>(j * h), h,
                        out.w1_.begin() + static_cast<std::ptrdiff_t>(j * total + offset));
        std::copy(m.b1_.begin(), m.b1_.end(),
                  out.b1_.begin() + static_cast<std::ptrdiff_t>(offset));
        for (std::size_t i = 0; i < h * k; ++i)
            out.w2_[offset * k + i] = m.w2_[i] * share;
        for (std::size_t c = 0; c < k; ++c)
            out.b2_[c] += m.b2_[c] * share;
        out.samples_seen_ += m.samples_seen_;
        offset += h;
    }
    return out;
}

void MlpClassifier::write_state(codec::ByteWriter& out) const {
    out.u32(static_cast<std::uint32_t>(params_.hidden));
    out.f64(params_.learning_rate);
    out.f64(params_.input_scale);
    out.u64(params_.seed);
    codec::write_classes(out, classes_);
    out.u32(static_cast<std::uint32_t>(n_features_));
    codec::write_doubles(out, w1_);
    codec::write_doubles(out, b1_);
    codec::write_doubles(out, w2_);
    codec::write_doubles(out, b2_);
    out.u64(samples_seen_);
}

MlpClassifier MlpClassifier::read_state(codec::ByteReader& in) {
    MlpParams params;
    params.hidden = codec::read_count(in, "the hidden unit count", 1, kMaxHidden);
    params.learning_rate = in.f64("the learning rate");
    params.input_scale = in.f64("the input scale");
    params.seed = in.u64("the seed");
    try {
        check_params(params);
    } catch (const std::invalid_argument& e) {
        codec::corrupt(e.what());
    }
    std::vector<int> classes = codec::read_classes(in);
    if (classes.size() > kMaxClasses) codec::corrupt("too many classes");
    const std::uint32_t n_features =
        codec::read_count(in, "the feature count", 1, kMaxModelFeatures);
    // Checked before the constructor allocates the layers.
    in.require(std::uint64_t{n_features} * params.hidden, sizeof(double), "the first layer");
    MlpClassifier model(params, std::move(classes), n_features);
    model.w1_ = codec::read_finite_doubles(in, model.w1_.size(), "the first layer's weights");
    model.b1_ = codec::read_finite_doubles(in, model.b1_.size(), "the first layer's biases");
    model.w2_ = codec::read_finite_doubles(in, model.w2_.size(), "the output layer's weights");
    model.b2_ = codec::read_finite_doubles(in, model.b2_.size(), "the output layer's biases");
    model.samples_seen_ = in.u64("the sample count");
    return model;
}

} // namespace liveml::online
