#include "digits/ink_plane.hpp"

#include <algorithm>
#include <array>
#include <iterator>

namespace liveml::digits::detail {
namespace {

// Smallest contrast (of 255) that counts as ink: below it is scanner or JPEG noise.
constexpr int kMinContrast = 40;

int border_median(const GrayImage& image) {
    std::array<std::size_t, 256> histogram{};
    std::size_t n = 0;
    auto add = [&](int x, int y) {
        ++histogram[image.at(x, y)];
        ++n;
    };
    for (int x = 0; x < image.width; ++x) {
        add(x, 0);
        if (image.height > 1) add(x, image.height - 1);
    }
    for (int y = 1; y + 1 < image.height; ++y) {
        add(0, y);
        if (image.width > 1) add(image.width - 1, y);
    }
    std::size_t seen = 0;
    for (int v = 0; v < 256; ++v) {
        seen += histogram[v];
        if (2 * seen >= n) return v;
    }
    return 255;
}

// How far `pixel` lies from the paper towards the ink: simple enough to vectorise.
inline std::uint8_t dark_ink(std::uint8_t pixel, std::uint8_t paper) {
    return std::uint8_t(paper - std::min(pixel, paper));
}
inline std::uint8_t light_ink(std::uint8_t pixel, std::uint8_t paper) {
    return std::uint8_t(std::max(pixel, paper) - paper);
}

// Each plane cell keeps the strongest ink of the factor x factor pixels it covers.
template <typename InkOf>
void pool(const GrayImage& image, int factor, InkPlane& plane, InkOf ink_of) {
    for (int y = 0; y < image.height; ++y) {
        // Distinct buffers: telling the compiler lets it vectorise the per-pixel loop.
        const std::uint8_t* __restrict row =
            image.pixels.data() + static_cast<std::size_t>(y) * image.width;
        std::uint8_t* __restrict cells =
            plane.ink.data() + static_cast<std::size_t>(y / factor) * plane.width;
        if (factor == 1) {
            for (int x = 0, width = image.width; x < width; ++x)
                cells[x] = ink_of(row[x]);
            continue;
        }
        for (int cx = 0; cx < plane.width; ++cx) {
            std::uint8_t strongest = cells[cx];
            for (int x = cx * factor, end = std::min(image.width, x + factor); x < end; ++x)
                strongest = std::max(strongest, ink_of(row[x]));
            cells[cx] = strongest;
        }
    }
}

} // namespace

InkPlane find_ink(const GrayImage& image, int max_side) {
    InkPlane plane;
    if (image.width <= 0 || image.height <= 0) return plane;
    std::uint8_t darkest = 255, lightest = 0;
    for (const auto p : image.pixels) {
        darkest = std::min(darkest, p);
        lightest = std::max(lightest, p);
    }
    const auto paper = static_cast<std::uint8_t>(border_median(image));
    const bool dark = paper - darkest >= lightest - paper;
    const int contrast = dark ? paper - darkest : lightest - paper;

    const int factor = std::max(1, (std::max(image.width, image.height) + max_side - 1) / max_side);
    plane.width = (image.width + factor - 1) / factor;
    plane.height = (image.height + factor - 1) / factor;
    plane.ink.assign(static_cast<std::size_t>(plane.width) * plane.height, 0);
    if (dark)
        pool(image, factor, plane, [paper](std::uint8_t p) { return dark_ink(p, paper); });
    else
        pool(image, factor, plane, [paper](std::uint8_t p) { return light_ink(p, paper); });
    if (contrast < kMinContrast) return plane;

    // Half the strongest ink: the middle of an antialiased edge, whatever the pen.
    plane.threshold = (contrast + 1) / 2;
    plane.x0 = plane.width;
    plane.y0 = plane.height;
    const auto inked = [&](std::uint8_t v) { return v >= plane.threshold; };
    for (int y = 0; y < plane.height; ++y) {
        const std::uint8_t* begin = plane.ink.data() + static_cast<std::size_t>(y) * plane.width;
        const std::uint8_t* end = begin + plane.width;
        // Most rows are blank paper: a (vectorised) maximum rules them out in one sweep.
        if (*std::max_element(begin, end) < plane.threshold) continue;
        const int first = int(std::find_if(begin, end, inked) - begin);
        const int last = int(std::find_if(std::make_reverse_iterator(end),
                                          std::make_reverse_iterator(begin), inked)
                                 .base() -
                             begin) -
                         1;
        plane.x0 = std::min(plane.x0, first);
        plane.x1 = std::max(plane.x1, last);
        plane.y0 = std::min(plane.y0, y);
        plane.y1 = y;
    }
    return plane;
}

} // namespace liveml::digits::detail
