#include "stream/prequential_learner.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace liveml::stream {

PrequentialLearner::PrequentialLearner(online::OnlineClassifier& model)
    : model_(model), sgd_(dynamic_cast<online::SgdClassifier*>(&model)) {
    if (model.classes().size() != proba_.size() || model.n_features() != digits::kFeatures)
        throw std::invalid_argument("the trainer's learners are 10-class, 64-feature models");
}

std::span<const double> PrequentialLearner::proba_before() const noexcept {
    return has_proba_ ? std::span<const double>(proba_) : std::span<const double>();
}

PrequentialOutcome PrequentialLearner::learn(const DigitRecord& record) {
    for (std::size_t i = 0; i < x_.size(); ++i)
        x_[i] = record.x[i];
    PrequentialOutcome outcome;
    const auto& classes = model_.classes();
    outcome.label_index = static_cast<std::size_t>(
        std::find(classes.begin(), classes.end(), record.label) - classes.begin());
    has_proba_ = model_.has_proba();
    if (has_proba_) {
        model_.predict_proba(x_, proba_);
        outcome.log_loss = -std::log(std::clamp(proba_[outcome.label_index], 1e-15, 1.0));
    }
    if (sgd_) {
        sgd_->decision_function(x_, scores_);
        const auto best = std::max_element(scores_.begin(), scores_.end()) - scores_.begin();
        outcome.predicted_before = classes[static_cast<std::size_t>(best)];
    } else if (has_proba_) {
        const auto best = std::max_element(proba_.begin(), proba_.end()) - proba_.begin();
        outcome.predicted_before = classes[static_cast<std::size_t>(best)];
    } else {
        outcome.predicted_before = model_.predict(x_);
    }
    model_.partial_fit(x_, record.label);
    outcome.predicted_after = model_.predict(x_);
    return outcome;
}

} // namespace liveml::stream
