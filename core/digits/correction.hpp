#pragma once
#include <cstdint>

#include "digits/digits_dataset.hpp"
#include "online/online_classifier.hpp"

namespace liveml::digits {

// How a drawing the user has labelled teaches a learner: the drawing and `copies - 1`
// distortions of it (augment_digits with its default strengths and `seed`), one partial_fit
// each. One drawing alone barely moves a model trained on thousands of samples; a few
// plausible variations of it teach the writer's shape rather than the one drawing. The
// studio's local learners and the Kafka records a correction sends (FeedbackProducer) use the
// same copies. Throws std::invalid_argument for copies < 1 or a label the model lacks (the
// model is then untouched).
void learn_correction(online::OnlineClassifier& model, const Features& drawing, int label,
                      int copies, std::uint64_t seed);

} // namespace liveml::digits
