#pragma once
#include <cstdint>
#include <vector>

#include "digits/digit_augmentation.hpp"
#include "digits/digits_dataset.hpp"
#include "online/sgd_classifier.hpp"

namespace liveml::digits {

struct DefaultModelOptions {
    AugmentOptions augment;
    int passes = 2;               // passes over the augmented set, each in a fresh order
    std::uint64_t order_seed = 7; // the training order is a seeded shuffle
};

// The parity learner (log loss, L1, alpha 0.01 — the original pipeline's settings), trained
// one partial_fit per sample on `data` redrawn through the canvas feature pipeline plus
// distorted copies, so it recognises handwriting unlike the 43 writers of the digits set.
// Deterministic for given options.
liveml::online::SgdClassifier train_default_model(const std::vector<DigitSample>& data,
                                                  const DefaultModelOptions& options = {});

// The same learner trained on `data` exactly as given (no pipeline, no augmentation).
liveml::online::SgdClassifier train_plain_model(const std::vector<DigitSample>& data,
                                                int passes = 1, std::uint64_t order_seed = 7);

} // namespace liveml::digits
