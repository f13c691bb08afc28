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

struct MlpParams {
    std::size_t hidden = 64;      // ReLU units, 1..kMaxHidden
    double learning_rate = 0.001; // plain SGD step on the softmax log loss
    // Inputs are expected at the digits' scale (0..16 counts); the first layer starts with
    // weights sized for that, so the initial hidden activations are O(1).
    double input_scale = 8.0;
    std::uint64_t seed = 1; // weight initialisation
};

// A one-hidden-layer perceptron (inputs → ReLU → softmax) trained one sample at a time by
// SGD on the log loss. Non-linear where the linear learners are not: on the digits stream it
// reaches the same prequential accuracy as softmax regression but generalises further on
// distorted handwriting (docs/learners.md has the measurements that chose it over
// Adam and random features).
//
// Zero inputs cost nothing in either pass (first-layer weights are stored input-major), which
// is what makes it run at hundreds of thousands of samples per second on block counts.
// Deterministic on every platform: initialisation uses its own uniform generator (the
// standard library's distributions are implementation-defined).
class MlpClassifier final : public OnlineClassifier {
  public:
    static constexpr std::string_view kKind = "mlp";
    static constexpr std::size_t kMaxHidden = 1024;
    static constexpr std::size_t kMaxClasses = 256;

    MlpClassifier(MlpParams params, std::vector<int> classes, std::size_t n_features);

    std::string_view kind() const noexcept override { return kKind; }
    const std::vector<int>& classes() const noexcept override { return classes_; }
    std::size_t n_features() const noexcept override { return n_features_; }
    std::uint64_t samples_seen() const noexcept override { return samples_seen_; }
    const MlpParams& params() const noexcept { return params_; }

    void partial_fit(std::span<const double> x, int label) override;
    int predict(std::span<const double> x) const override;
    bool has_proba() const noexcept override { return true; }
    void predict_proba(std::span<const double> x, std::span<double> proba) const override;

    std::unique_ptr<OnlineClassifier> clone() const override;

    // One network whose scores are the mean of the members' scores: their hidden layers side
    // by side, each output weight divided by the member count. Its argmax equals that of the
    // members' averaged log-probabilities (the log-sum-exp terms do not depend on the
    // class), and predict_proba is their normalised geometric mean; so a seed ensemble ships
    // as one ordinary model. Further partial_fit trains it as one wide network. Throws
    // std::invalid_argument for no members, differing classes or features, or more than
    // kMaxHidden units together.
    static MlpClassifier averaged(std::span<const MlpClassifier> members);

    void write_state(codec::ByteWriter& out) const override;
    static MlpClassifier read_state(codec::ByteReader& in);

  private:
    // hidden[H] = relu(x·W1 + b1); scores[K] = hidden·W2 + b2.
    void forward(std::span<const double> x, double* hidden, double* scores) const;

    MlpParams params_;
    std::vector<int> classes_;
    std::size_t n_features_;
    std::vector<double> w1_; // n_features × hidden, input-major
    std::vector<double> b1_; // hidden
    std::vector<double> w2_; // hidden × n_classes, unit-major
    std::vector<double> b2_; // n_classes
    std::uint64_t samples_seen_ = 0;
};

} // namespace liveml::online
