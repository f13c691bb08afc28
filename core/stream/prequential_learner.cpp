#include "stream/prequential_learner.hpp"

#include <algorithm>
#include <cmath>

namespace liveml::stream {

PrequentialOutcome PrequentialLearner::learn(const DigitRecord& record) {
    for (std::size_t i = 0; i < x_.size(); ++i)
        x_[i] = record.x[i];
    PrequentialOutcome outcome;
    // The argmax of the decision function, as predict() does: probabilities can saturate to
    // equal values where scores still differ.
    model_.decision_function(x_, scores_);
    const auto best = std::max_element(scores_.begin(), scores_.end()) - scores_.begin();
    outcome.predicted_before = model_.classes()[static_cast<std::size_t>(best)];
    if (model_.params().loss == online::Loss::Log) {
        model_.predict_proba(x_, scores_);
        const auto& classes = model_.classes();
        const auto k = std::find(classes.begin(), classes.end(), record.label) - classes.begin();
        outcome.log_loss = -std::log(std::clamp(scores_[static_cast<std::size_t>(k)], 1e-15, 1.0));
    }
    model_.partial_fit(x_, record.label);
    outcome.predicted_after = model_.predict(x_);
    return outcome;
}

} // namespace liveml::stream
