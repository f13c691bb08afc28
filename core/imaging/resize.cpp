#include "imaging/resize.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <string>

namespace liveml::imaging {
namespace {

// Pillow's 8-bit resampler keeps weights as fixed point with this many fraction bits.
constexpr int kPrecisionBits = 32 - 8 - 2;

// Keys' cubic with a = -0.5 (Pillow's BICUBIC), support 2.
double bicubic(double x) {
    constexpr double a = -0.5;
    x = std::fabs(x);
    if (x < 1.0) return ((a + 2.0) * x - (a + 3.0)) * x * x + 1.0;
    if (x < 2.0) return (((x - 5.0) * x + 8.0) * x - 4.0) * a;
    return 0.0;
}

// For each output position: the first input index and the fixed-point weights of the input
// window. Shrinking widens the kernel by the scale factor so every input pixel contributes.
struct Taps {
    std::vector<int> first;
    std::vector<int> count;
    std::vector<std::int32_t> weights; // out_size * window, row per output position
    int window = 0;
};

Taps make_taps(int in_size, int out_size) {
    const double scale = static_cast<double>(in_size) / out_size;
    const double filter_scale = std::max(scale, 1.0);
    const double support = 2.0 * filter_scale;
    Taps taps;
    taps.window = static_cast<int>(std::ceil(support)) * 2 + 1;
    taps.first.resize(out_size);
    taps.count.resize(out_size);
    taps.weights.assign(static_cast<std::size_t>(out_size) * taps.window, 0);
    std::vector<double> w(taps.window);
    for (int o = 0; o < out_size; ++o) {
        const double center = (o + 0.5) * scale;
        const int lo = std::max(static_cast<int>(center - support + 0.5), 0);
        const int n = std::min(static_cast<int>(center + support + 0.5), in_size) - lo;
        double total = 0.0;
        for (int i = 0; i < n; ++i) {
            w[i] = bicubic((i + lo - center + 0.5) / filter_scale);
            total += w[i];
        }
        for (int i = 0; i < n; ++i) {
            const double normalized = total != 0.0 ? w[i] / total : 0.0;
            const double fixed = normalized * (1 << kPrecisionBits);
            taps.weights[static_cast<std::size_t>(o) * taps.window + i] =
                static_cast<std::int32_t>(fixed < 0 ? fixed - 0.5 : fixed + 0.5);
        }
        taps.first[o] = lo;
        taps.count[o] = n;
    }
    return taps;
}

std::uint8_t clip8(std::int64_t accumulator) {
    const std::int64_t v = accumulator >> kPrecisionBits;
    return static_cast<std::uint8_t>(std::clamp<std::int64_t>(v, 0, 255));
}

// One separable pass along x (horizontal) or y; rounds to 8 bits like Pillow.
RgbImage pass(const RgbImage& in, int out_size, bool horizontal) {
    const int in_size = horizontal ? in.width : in.height;
    const Taps taps = make_taps(in_size, out_size);
    RgbImage out;
    out.width = horizontal ? out_size : in.width;
    out.height = horizontal ? in.height : out_size;
    out.pixels.resize(static_cast<std::size_t>(out.width) * out.height * 3);
    for (int y = 0; y < out.height; ++y)
        for (int x = 0; x < out.width; ++x) {
            const int o = horizontal ? x : y;
            const std::int32_t* k = &taps.weights[static_cast<std::size_t>(o) * taps.window];
            std::int64_t acc[3] = {1 << (kPrecisionBits - 1), 1 << (kPrecisionBits - 1),
                                   1 << (kPrecisionBits - 1)};
            for (int i = 0; i < taps.count[o]; ++i) {
                const int src = taps.first[o] + i;
                const std::uint8_t* p = horizontal ? in.at(src, y) : in.at(x, src);
                for (int c = 0; c < 3; ++c)
                    acc[c] += static_cast<std::int64_t>(p[c]) * k[i];
            }
            std::uint8_t* q = &out.pixels[(static_cast<std::size_t>(y) * out.width + x) * 3];
            for (int c = 0; c < 3; ++c)
                q[c] = clip8(acc[c]);
        }
    return out;
}

} // namespace

RgbImage resize_bicubic(const RgbImage& image, int width, int height) {
    if (width <= 0 || height <= 0 || image.width <= 0 || image.height <= 0)
        throw std::invalid_argument("resize_bicubic: empty source or target size");
    // Pillow skips a pass whose size does not change (copying is exact there).
    RgbImage result = image;
    if (width != image.width) result = pass(result, width, true);
    if (height != image.height) result = pass(result, height, false);
    return result;
}

RgbImage crop(const RgbImage& image, int left, int top, int width, int height) {
    if (left < 0 || top < 0 || width <= 0 || height <= 0 || left + width > image.width ||
        top + height > image.height)
        throw std::invalid_argument("crop " + std::to_string(width) + "x" + std::to_string(height) +
                                    "+" + std::to_string(left) + "+" + std::to_string(top) +
                                    " does not fit a " + std::to_string(image.width) + "x" +
                                    std::to_string(image.height) + " image");
    RgbImage out;
    out.width = width;
    out.height = height;
    out.pixels.resize(static_cast<std::size_t>(width) * height * 3);
    for (int y = 0; y < height; ++y)
        std::copy_n(image.at(left, top + y), static_cast<std::size_t>(width) * 3,
                    &out.pixels[static_cast<std::size_t>(y) * width * 3]);
    return out;
}

RgbImage fit_within(const RgbImage& image, int max_side) {
    if (max_side <= 0) throw std::invalid_argument("a thumbnail side must be positive");
    const int longer = std::max(image.width, image.height);
    if (longer <= max_side) return image;
    const double scale = static_cast<double>(max_side) / longer;
    const auto side = [&](int n) { return std::max(1, static_cast<int>(std::lround(n * scale))); };
    return resize_bicubic(image, side(image.width), side(image.height));
}

} // namespace liveml::imaging
