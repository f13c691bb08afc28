#pragma once
#include <cstdint>
#include <vector>

#include "digits/digits_dataset.hpp"
#include "online/online_classifier.hpp"

namespace liveml::digits {

// One partial_fit per sample, `passes` times over `data`, each pass in a fresh seeded
// Fisher-Yates order that is the same with every standard library. Throws
// std::invalid_argument for no data or passes < 1.
void train_in_seeded_order(liveml::online::OnlineClassifier& learner,
                           const std::vector<DigitSample>& data, int passes, std::uint64_t seed);

} // namespace liveml::digits
