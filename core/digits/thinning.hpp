#pragma once
#include <cstdint>
#include <vector>

namespace liveml::digits::detail {

// Thins a binary mask (row-major, 0/1, width*height) in place to one-pixel-wide,
// 8-connected centre lines (Zhang & Suen, 1984). The outermost pixels are cleared first.
// As with the original method, a blob of exactly 2x2 pixels vanishes: callers handle that.
void thin(std::vector<std::uint8_t>& mask, int width, int height);

} // namespace liveml::digits::detail
