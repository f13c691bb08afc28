#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace liveml::imaging {

// 8-bit grayscale raster, row-major. 0 = black, 255 = white.
struct GrayImage {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels; // width * height
    std::uint8_t at(int x, int y) const { return pixels[static_cast<std::size_t>(y) * width + x]; }
};

} // namespace liveml::imaging
