#include "clip/image_input.hpp"

#include "imaging/clip_preprocess.hpp"
#include "imaging/image_decode.hpp"
#include "imaging/rgb_image.hpp"

#include <stdexcept>
#include <vector>

namespace liveml::clip {
namespace {

imaging::ClipPreprocessConfig vit_recipe(const ClipConfig& c) {
    imaging::ClipPreprocessConfig recipe;
    recipe.size = static_cast<int>(c.vision.image_size);
    return recipe;
}

// The CNN and ResNet towers see pixels in [-1, 1]: centred inputs train faster.
imaging::GrayPreprocessConfig cnn_gray_recipe(const ClipConfig& c) {
    imaging::GrayPreprocessConfig recipe;
    recipe.size = static_cast<int>(c.vision.image_size);
    recipe.channels = static_cast<int>(c.vision.num_channels);
    recipe.mean = 0.5f;
    recipe.std = 0.5f;
    return recipe;
}

void check_out(const ClipConfig& c, std::span<float> out) {
    if (out.size() != image_input_floats(c))
        throw std::invalid_argument("image input buffer has the wrong size");
}

} // namespace

std::size_t image_input_floats(const ClipConfig& c) {
    return static_cast<std::size_t>(c.vision.num_channels * c.vision.image_size *
                                    c.vision.image_size);
}

void gray_image_input(std::span<const std::uint8_t> pixels, int width, int height,
                      const ClipConfig& c, std::span<float> out) {
    check_out(c, out);
    if (c.vision.tower != ImageTower::Vit) {
        imaging::gray_to_chw(pixels, width, height, cnn_gray_recipe(c), out);
        return;
    }
    imaging::RgbImage rgb{width, height, {}};
    rgb.pixels.reserve(pixels.size() * 3);
    for (const auto v : pixels)
        rgb.pixels.insert(rgb.pixels.end(), {v, v, v});
    imaging::clip_preprocess_into(rgb, vit_recipe(c), out);
}

void rgb_image_input(const imaging::RgbImage& image, const ClipConfig& c, std::span<float> out) {
    check_out(c, out);
    if (c.vision.tower == ImageTower::Vit || c.vision.num_channels == 3) {
        auto recipe = vit_recipe(c);
        imaging::clip_preprocess_into(image, recipe, out);
        return;
    }
    // One-channel CNN: ITU-R BT.601 luma, as Pillow's convert("L") computes it.
    std::vector<std::uint8_t> gray(static_cast<std::size_t>(image.width) * image.height);
    for (std::size_t i = 0; i < gray.size(); ++i) {
        const auto* p = image.pixels.data() + i * 3;
        gray[i] = static_cast<std::uint8_t>((p[0] * 299 + p[1] * 587 + p[2] * 114 + 500) / 1000);
    }
    imaging::gray_to_chw(gray, image.width, image.height, cnn_gray_recipe(c), out);
}

void image_file_input(const std::filesystem::path& path, const ClipConfig& config,
                      std::span<float> out) {
    rgb_image_input(imaging::decode_image_file(path), config, out);
}

} // namespace liveml::clip
