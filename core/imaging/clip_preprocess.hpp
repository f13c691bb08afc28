#pragma once
#include "imaging/rgb_image.hpp"

#include <array>
#include <cstdint>
#include <span>
#include <vector>

namespace liveml::imaging {

struct ClipPreprocessConfig {
    int size = 224; // shortest side after resize = crop side
    std::array<float, 3> mean{0.48145466f, 0.4578275f, 0.40821073f};
    std::array<float, 3> std{0.26862954f, 0.26130258f, 0.27577711f};
};

// Output size of "resize shortest side to `size`", as transformers computes it: the short
// side becomes `size`, the long side int(size * long / short) (truncated).
std::array<int, 2> shortest_side_size(int width, int height, int size);
// Top-left corner of a centered crop, as transformers' center_crop computes it:
// ((width - crop) / 2, (height - crop) / 2) with integer division.
std::array<int, 2> center_crop_origin(int width, int height, int crop);

// CLIP recipe: bicubic resize shortest side to S, center crop S×S, /255, (x - mean) / std.
// Returns a float32 CHW buffer of 3*S*S values.
std::vector<float> clip_preprocess(const RgbImage& image, const ClipPreprocessConfig& config = {});
// Same, writing into `out` (3*S*S floats), for filling a batch buffer without copies.
void clip_preprocess_into(const RgbImage& image, const ClipPreprocessConfig& config,
                          std::span<float> out);

// Fast path for small grayscale datasets (Fashion-MNIST 28×28, digits 8×8).
struct GrayPreprocessConfig {
    int size = 28;               // output side; bilinear-resampled when it differs from the input
    int channels = 1;            // 1, or 3 to replicate the gray plane (for RGB image towers)
    float scale = 1.0f / 255.0f; // pixel * scale, before normalisation
    float mean = 0.0f;
    float std = 1.0f;
};
// Writes channels*size*size floats into `out` for one width×height gray image.
void gray_to_chw(std::span<const std::uint8_t> pixels, int width, int height,
                 const GrayPreprocessConfig& config, std::span<float> out);

} // namespace liveml::imaging
