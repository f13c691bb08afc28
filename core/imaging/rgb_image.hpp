#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace liveml::imaging {

// 8-bit RGB raster, row-major, interleaved (HWC).
struct RgbImage {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels; // width * height * 3
    const std::uint8_t* at(int x, int y) const {
        return pixels.data() + (static_cast<std::size_t>(y) * width + x) * 3;
    }
};

} // namespace liveml::imaging
