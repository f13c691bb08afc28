#pragma once
#include <array>
#include <cstdint>

#include "digits/digits_dataset.hpp"
#include "digits/gray_image_loader.hpp"

namespace liveml::digits {

// The 32×32 binary bitmap that the 4×4 block counts are taken from (row-major, 0/1).
using Bitmap32 = std::array<std::uint8_t, 32 * 32>;

struct DigitFeatures {
    Features x{};      // 64 counts 0..16, what the model sees
    Bitmap32 bitmap{}; // the normalised bitmap, for previews and tests
    bool empty = true; // no ink found: callers should not predict
};

// Turns a drawing or photo of one digit into optdigits-style features: detect ink polarity,
// crop to the ink, normalise stroke width and size into 32×32 the way the optdigits
// bitmaps were made, binarise, count on-pixels per 4×4 block. Invariant to the digit's
// position and (beyond a few pixels) its size. See docs/features.md.
DigitFeatures extract_features(const GrayImage& image);

} // namespace liveml::digits
