// SgdClassifier's part of the model file: the version-1 layout of docs/model-format.md from
// the loss on, unchanged, so version-1 files and Redis checkpoints keep loading.
#include <cmath>
#include <cstdint>
#include <stdexcept>

#include "online/model_codec.hpp"
#include "online/sgd_classifier.hpp"

namespace liveml::online {

namespace {

constexpr std::size_t kMaxNameBytes = 64;

SgdParams read_params(codec::ByteReader& in) {
    SgdParams params;
    try {
        params.loss = parse_loss(in.str("the loss", kMaxNameBytes));
        params.penalty = parse_penalty(in.str("the penalty", kMaxNameBytes));
    } catch (const std::invalid_argument& e) {
        codec::corrupt(e.what());
    }
    params.alpha = in.f64("alpha");
    if (!std::isfinite(params.alpha) || !(params.alpha > 0.0))
        codec::corrupt("alpha must be a finite number greater than 0");
    return params;
}

} // namespace

void SgdClassifier::write_state(codec::ByteWriter& out) const {
    out.str(to_string(params_.loss));
    out.str(to_string(params_.penalty));
    out.f64(params_.alpha);
    codec::write_classes(out, classes_);
    out.u32(static_cast<std::uint32_t>(n_features_));
    out.u32(static_cast<std::uint32_t>(rows_));
    codec::write_doubles(out, coef_);
    codec::write_doubles(out, intercept_);
    out.f64(t_);
    out.u64(samples_seen_);
}

SgdClassifier SgdClassifier::read_state(codec::ByteReader& in) {
    const SgdParams params = read_params(in);
    std::vector<int> classes = codec::read_classes(in);
    const std::uint32_t n_features =
        codec::read_count(in, "the feature count", 1, kMaxModelFeatures);
    const std::uint32_t rows = in.u32("the weight row count");
    const std::size_t expected_rows = classes.size() == 2 ? 1 : classes.size();
    if (rows != expected_rows)
        codec::corrupt("it has " + std::to_string(rows) + " weight rows for " +
                       std::to_string(classes.size()) + " classes (expected " +
                       std::to_string(expected_rows) + ")");
    std::vector<double> coef =
        codec::read_finite_doubles(in, std::uint64_t{rows} * n_features, "the weights");
    std::vector<double> intercept = codec::read_finite_doubles(in, rows, "the intercepts");
    const double t = in.f64("t");
    const std::uint64_t samples_seen = in.u64("the sample count");
    try {
        SgdClassifier model(params, std::move(classes), n_features);
        model.restore(std::move(coef), std::move(intercept), t, samples_seen);
        return model;
    } catch (const std::invalid_argument& e) {
        codec::corrupt(e.what());
    }
}

} // namespace liveml::online
