#pragma once
#include <cstdint>
#include <filesystem>
#include <memory>
#include <vector>

#include "digits/digit_augmentation.hpp"
#include "digits/digits_dataset.hpp"
#include "online/mlp_classifier.hpp"

namespace liveml::digits {

// `liveml fit --preset canvas`: the model the Draw page answers with by default. Chosen on
// the tuning fonts of test_font_digits_eval only (docs/learners.md has the grid): the
// handwriting digits distorted as in the SGD recipe but more strongly, plus digits rendered
// in training fonts (the tuning fonts and fonts no evaluation uses) through the canvas's own
// feature pipeline, learned by `members` MLPs of different seeds whose scores are averaged
// into one network. The fonts taught the most: the 43 writers of the digits set rarely
// write a digit the way another hand's font draws it.
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
    // Member m uses seed + m for its distortions, weights and orders.
    int members = 3;
};

// resources/data/font-digits-train.csv.gz: 8×8 features of digits rendered in the training
// fonts by scripts/make-font-digits.py --training (the digits CSV format).
std::filesystem::path bundled_font_digits_path();

// Trains the preset on `data` plus its distorted copies and on `font_digits` as they are (the
// renders already vary in size, pen, slant and rotation), one partial_fit per sample in
// seeded orders: deterministic for given inputs and options. Throws std::invalid_argument for
// no data or members outside 1..4 (four 256-unit networks fill MlpClassifier::kMaxHidden).
std::unique_ptr<liveml::online::MlpClassifier>
train_canvas_model(const std::vector<DigitSample>& data,
                   const std::vector<DigitSample>& font_digits,
                   const CanvasPresetOptions& options = {});

} // namespace liveml::digits
