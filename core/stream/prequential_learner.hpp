#pragma once
#include <array>
#include <span>

#include "online/online_classifier.hpp"
#include "online/sgd_classifier.hpp"
#include "stream/digit_record.hpp"

namespace liveml::stream {

struct PrequentialOutcome {
    int predicted_before = 0; // the honest, prequential guess: before the model saw the record
    int predicted_after = 0;  // after partial_fit: the original pipeline's predict_y
    double log_loss = -1;     // of the true label before training; -1 without probabilities
    // Index of the true label in the model's classes (for the probabilities below).
    std::size_t label_index = 0;
};

// The trainer's per-record step for one learner: predict, learn, predict again.
// Allocation-free for the SGD classifier.
class PrequentialLearner {
  public:
    explicit PrequentialLearner(online::OnlineClassifier& model);

    PrequentialOutcome learn(const DigitRecord& record);
    // The probabilities before training on the last record, in classes() order; empty when
    // the model has none.
    std::span<const double> proba_before() const noexcept;

  private:
    online::OnlineClassifier& model_;
    // Set for the scikit-learn-exact SGD classifier, whose guess is the argmax of its decision
    // function as its predict() computes it: its probabilities saturate to equal values where
    // the scores still differ.
    online::SgdClassifier* sgd_;
    std::array<double, digits::kFeatures> x_{};
    std::array<double, 10> scores_{};
    std::array<double, 10> proba_{};
    bool has_proba_ = false;
};

} // namespace liveml::stream
