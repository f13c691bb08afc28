#pragma once
// Turns images into the float CHW input a model's image tower expects, per its config:
// the ViT tower gets CLIP's recipe (RGB, bicubic resize, center crop, CLIP mean/std); the CNN
// tower gets the gray plane (or RGB) at image_size scaled to [-1, 1]. Torch-free.
#include "clip/clip_config.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>

namespace liveml::imaging {
struct RgbImage;
}

namespace liveml::clip {

// Floats per image: num_channels * image_size * image_size.
std::size_t image_input_floats(const ClipConfig& config);
// A width x height 8-bit gray image (0 = black), e.g. a Fashion-MNIST item.
void gray_image_input(std::span<const std::uint8_t> pixels, int width, int height,
                      const ClipConfig& config, std::span<float> out);
// A decoded RGB image (grayscale files arrive already expanded to RGB).
void rgb_image_input(const imaging::RgbImage& image, const ClipConfig& config,
                     std::span<float> out);

// Decodes an image file (PNG, JPEG, …) and writes its model input; throws
// std::runtime_error naming the file when it cannot be decoded.
void image_file_input(const std::filesystem::path& path, const ClipConfig& config,
                      std::span<float> out);

} // namespace liveml::clip
