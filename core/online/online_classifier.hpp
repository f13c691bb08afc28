#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

namespace liveml::online {

namespace codec {
class ByteWriter;
}

// What every online learner offers the trainer, the CLI and the studio: learn from one
// labelled sample, answer for one sample, and save itself into the model file
// (online/model_file.hpp). Classes are fixed at construction, sorted and unique.
//
// Inputs are validated by every implementation: a wrong feature count, a non-finite value or
// an unknown label throws std::invalid_argument and leaves the model untouched.
class OnlineClassifier {
  public:
    virtual ~OnlineClassifier() = default;

    // The learner's name in model files and on the command line (e.g. "sgd_classifier").
    virtual std::string_view kind() const noexcept = 0;
    virtual const std::vector<int>& classes() const noexcept = 0;
    virtual std::size_t n_features() const noexcept = 0;
    virtual std::uint64_t samples_seen() const noexcept = 0;

    virtual void partial_fit(std::span<const double> x, int label) = 0;
    virtual int predict(std::span<const double> x) const = 0;
    // False for margin learners (perceptron, passive-aggressive, hinge SGD), which, like
    // scikit-learn's, define no probabilities; predict_proba then throws std::logic_error.
    virtual bool has_proba() const noexcept = 0;
    // One probability per class, in classes() order, summing to 1.
    virtual void predict_proba(std::span<const double> x, std::span<double> proba) const = 0;

    virtual std::unique_ptr<OnlineClassifier> clone() const = 0;
    // The learner's own part of the model file (everything between the kind and the
    // metadata); each learner's `read_state` is its inverse.
    virtual void write_state(codec::ByteWriter& out) const = 0;

  protected:
    OnlineClassifier() = default;
    OnlineClassifier(const OnlineClassifier&) = default;
    OnlineClassifier& operator=(const OnlineClassifier&) = default;
};

} // namespace liveml::online
