#pragma once
#include <cstdint>
#include <vector>

namespace liveml::digits::detail {

// Exact squared Euclidean distance from every pixel to the nearest set pixel of a binary
// mask (Felzenszwalb & Huttenlocher's separable lower-envelope method, linear time).
// Pixels are "far" (a large sentinel) when the mask is empty.
std::vector<int> squared_distance(const std::vector<std::uint8_t>& mask, int width, int height);

} // namespace liveml::digits::detail
