#include "imaging/clip_preprocess.hpp"

#include "imaging/resize.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace liveml::imaging {

std::array<int, 2> shortest_side_size(int width, int height, int size) {
    if (width <= 0 || height <= 0 || size <= 0)
        throw std::invalid_argument("shortest_side_size: sizes must be positive");
    const bool landscape = width >= height;
    const int short_side = landscape ? height : width;
    const int long_side = landscape ? width : height;
    const int scaled_long = static_cast<int>(static_cast<long long>(size) * long_side / short_side);
    return landscape ? std::array<int, 2>{scaled_long, size}
                     : std::array<int, 2>{size, scaled_long};
}

std::array<int, 2> center_crop_origin(int width, int height, int crop) {
    return {(width - crop) / 2, (height - crop) / 2};
}

void clip_preprocess_into(const RgbImage& image, const ClipPreprocessConfig& config,
                          std::span<float> out) {
    const int s = config.size;
    const std::size_t plane = static_cast<std::size_t>(s) * s;
    if (out.size() != plane * 3)
        throw std::invalid_argument("clip_preprocess: output holds " + std::to_string(out.size()) +
                                    " floats, needs " + std::to_string(plane * 3));
    const auto [w, h] = shortest_side_size(image.width, image.height, s);
    const RgbImage resized = resize_bicubic(image, w, h);
    const auto [left, top] = center_crop_origin(w, h, s);
    for (int c = 0; c < 3; ++c) {
        const float mean = config.mean[c];
        const float std = config.std[c];
        float* dst = out.data() + plane * c;
        for (int y = 0; y < s; ++y)
            for (int x = 0; x < s; ++x) {
                // transformers rescales in float64 then casts, and normalises in float32.
                const auto v = static_cast<float>(resized.at(left + x, top + y)[c] * (1.0 / 255.0));
                dst[static_cast<std::size_t>(y) * s + x] = (v - mean) / std;
            }
    }
}

std::vector<float> clip_preprocess(const RgbImage& image, const ClipPreprocessConfig& config) {
    std::vector<float> out(static_cast<std::size_t>(config.size) * config.size * 3);
    clip_preprocess_into(image, config, out);
    return out;
}

void gray_to_chw(std::span<const std::uint8_t> pixels, int width, int height,
                 const GrayPreprocessConfig& config, std::span<float> out) {
    const int s = config.size;
    const std::size_t plane = static_cast<std::size_t>(s) * s;
    if (width <= 0 || height <= 0 || pixels.size() != static_cast<std::size_t>(width) * height)
        throw std::invalid_argument("gray_to_chw: pixel count does not match width x height");
    if (s <= 0 || (config.channels != 1 && config.channels != 3) || config.std == 0.0f)
        throw std::invalid_argument("gray_to_chw: size > 0, channels 1 or 3, std != 0 required");
    if (out.size() != plane * static_cast<std::size_t>(config.channels))
        throw std::invalid_argument("gray_to_chw: output buffer has the wrong size");

    auto value = [&](float raw) { return (raw * config.scale - config.mean) / config.std; };
    if (width == s && height == s) {
        for (std::size_t i = 0; i < plane; ++i)
            out[i] = value(pixels[i]);
    } else {
        // Bilinear with pixel centres aligned (align_corners = false); no anti-aliasing, which
        // is fine for the small factors used with tiny datasets.
        const float sx = static_cast<float>(width) / s;
        const float sy = static_cast<float>(height) / s;
        for (int y = 0; y < s; ++y) {
            const float fy = std::clamp((y + 0.5f) * sy - 0.5f, 0.0f, height - 1.0f);
            const int y0 = static_cast<int>(fy);
            const int y1 = std::min(y0 + 1, height - 1);
            const float ty = fy - y0;
            for (int x = 0; x < s; ++x) {
                const float fx = std::clamp((x + 0.5f) * sx - 0.5f, 0.0f, width - 1.0f);
                const int x0 = static_cast<int>(fx);
                const int x1 = std::min(x0 + 1, width - 1);
                const float tx = fx - x0;
                auto p = [&](int xx, int yy) {
                    return static_cast<float>(pixels[static_cast<std::size_t>(yy) * width + xx]);
                };
                const float top = p(x0, y0) + (p(x1, y0) - p(x0, y0)) * tx;
                const float bottom = p(x0, y1) + (p(x1, y1) - p(x0, y1)) * tx;
                out[static_cast<std::size_t>(y) * s + x] = value(top + (bottom - top) * ty);
            }
        }
    }
    for (int c = 1; c < config.channels; ++c)
        std::copy_n(out.begin(), plane, out.begin() + static_cast<std::ptrdiff_t>(plane * c));
}

} // namespace liveml::imaging
