#pragma once
#include "imaging/rgb_image.hpp"

namespace liveml::imaging {

// Bicubic resampling as Pillow's Image.resize(..., BICUBIC) does it: separable cubic
// convolution (a = -0.5) widened by the scale factor when shrinking (anti-aliasing),
// horizontal pass then vertical, 8-bit fixed-point arithmetic with rounding after each pass.
// Hugging Face's CLIPImageProcessor resizes through Pillow, so this reproduces its pixels.
RgbImage resize_bicubic(const RgbImage& image, int width, int height);

// The image scaled (bicubic) so its longer side is max_side, aspect ratio kept (each side at
// least 1 pixel); an image already that small is returned as it is, never enlarged. The
// original workflow's resizer, for thumbnails.
RgbImage fit_within(const RgbImage& image, int max_side);

// Crop of size width×height at (left, top); throws std::invalid_argument when it does not
// fit inside the image.
RgbImage crop(const RgbImage& image, int left, int top, int width, int height);

} // namespace liveml::imaging
