#pragma once
#include <array>

#include "online/sgd_classifier.hpp"
#include "stream/digit_record.hpp"

namespace liveml::stream {

struct PrequentialOutcome {
    int predicted_before = 0; // the honest, prequential guess: before the model saw the record
    int predicted_after = 0;  // after partial_fit: the original pipeline's predict_y
    double log_loss = -1;     // of the true label before training; -1 for hinge (no probabilities)
};

// The trainer's per-record step: predict, learn, predict again. Allocation-free.
class PrequentialLearner {
  public:
    explicit PrequentialLearner(online::SgdClassifier& model) : model_(model) {}

    PrequentialOutcome learn(const DigitRecord& record);

  private:
    online::SgdClassifier& model_;
    std::array<double, digits::kFeatures> x_{};
    std::array<double, 10> scores_{};
};

} // namespace liveml::stream
