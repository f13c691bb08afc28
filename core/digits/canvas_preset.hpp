#pragma once
#include <cstdint>
#include <memory>
#include <vector>

#include "digits/digit_augmentation.hpp"
#include "digits/digits_dataset.hpp"
#include "online/mlp_classifier.hpp"

namespace liveml::digits {

// `liveml fit --preset canvas`: the model the Draw page answers with by default. Chosen on
// the tuning fonts of test_font_digits_eval only (docs/learners.md has the grid): the MLP
// generalised further than the linear learners on the same augmented data, and stronger
// distortions than the SGD recipe's helped it where they hurt those.
struct CanvasPresetOptions {
    AugmentOptions augment{.variants_per_sample = 5,
                           .max_rotation_deg = 20,
                           .max_shear = 0.45,
                           .max_width_change = 0.25,
                           .seed = 1};
    int passes = 4;
    std::uint64_t order_seed = 7;
    liveml::online::MlpParams mlp{
        .hidden = 256, .learning_rate = 0.003, .input_scale = 8.0, .seed = 1};
};

// Trains the preset on `data` plus its distorted copies, one partial_fit per sample in
// seeded orders: deterministic for given options. Throws std::invalid_argument for no data.
std::unique_ptr<liveml::online::MlpClassifier>
train_canvas_model(const std::vector<DigitSample>& data, const CanvasPresetOptions& options = {});

} // namespace liveml::digits
