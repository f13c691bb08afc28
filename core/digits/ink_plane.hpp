#pragma once
#include <cstdint>
#include <vector>

#include "digits/gray_image_loader.hpp"

namespace liveml::digits::detail {

// An image reduced to "how much ink" per cell, independent of polarity: 0 is paper, larger
// is stronger ink. Images larger than max_side are max-pooled first, so a huge photo costs
// one pass and a one-pixel stroke still survives the reduction.
struct InkPlane {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> ink;
    int threshold = 0; // cells with ink >= threshold are part of the digit
    // Bounding box of the digit's cells, inclusive; empty when nothing reaches threshold.
    int x0 = 0, y0 = 0, x1 = -1, y1 = -1;
    bool empty() const { return x1 < x0; }
    int at(int x, int y) const { return ink[static_cast<std::size_t>(y) * width + x]; }
};

// Paper is the median of the image's outermost pixels (a digit rarely covers the border);
// ink is whichever direction away from it reaches further, so dark-on-light and
// light-on-dark drawings read the same. Contrast below a noise floor means no ink.
InkPlane find_ink(const GrayImage& image, int max_side);

} // namespace liveml::digits::detail
