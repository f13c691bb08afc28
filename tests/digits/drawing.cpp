#include "drawing.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace liveml::digits::test {

Shape seven() {
    return {{{0.05, 0.05}, {0.95, 0.05}, {0.4, 0.95}}};
}
Shape four() {
    return {{{0.65, 0.95}, {0.65, 0.05}, {0.05, 0.65}, {0.95, 0.65}}};
}
Shape thin_one() {
    return {{{0.5, 0.0}, {0.5, 1.0}}};
}
Shape two() {
    return {{{0.1, 0.25},
             {0.3, 0.05},
             {0.7, 0.05},
             {0.9, 0.25},
             {0.85, 0.45},
             {0.1, 0.95},
             {0.95, 0.95}}};
}

GrayImage draw(const Shape& shape, int width, int height, double x, double y, double w, double h,
               const Pen& pen) {
    GrayImage image{width, height,
                    std::vector<std::uint8_t>(std::size_t(width) * std::size_t(height), pen.paper)};
    const double r = pen.width / 2;
    for (const auto& stroke : shape)
        for (std::size_t i = 0; i + 1 < stroke.size(); ++i) {
            const double ax = x + stroke[i].first * w, ay = y + stroke[i].second * h;
            const double bx = x + stroke[i + 1].first * w, by = y + stroke[i + 1].second * h;
            const int x0 = std::max(0, int(std::floor(std::min(ax, bx) - r - 1)));
            const int x1 = std::min(width - 1, int(std::ceil(std::max(ax, bx) + r + 1)));
            const int y0 = std::max(0, int(std::floor(std::min(ay, by) - r - 1)));
            const int y1 = std::min(height - 1, int(std::ceil(std::max(ay, by) + r + 1)));
            const double dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
            for (int py = y0; py <= y1; ++py)
                for (int px = x0; px <= x1; ++px) {
                    const double cx = px + 0.5, cy = py + 0.5;
                    const double t =
                        len2 > 0 ? std::clamp(((cx - ax) * dx + (cy - ay) * dy) / len2, 0.0, 1.0)
                                 : 0;
                    const double d = std::hypot(cx - (ax + t * dx), cy - (ay + t * dy));
                    double cover = std::clamp(r + 0.5 - d, 0.0, 1.0);
                    if (!pen.antialias) cover = cover >= 0.5 ? 1.0 : 0.0;
                    auto& p = image.pixels[std::size_t(py) * width + px];
                    const double v = pen.paper + (pen.ink - pen.paper) * cover;
                    // strokes overlap: keep whichever is more inked
                    if (std::abs(v - pen.paper) > std::abs(double(p) - pen.paper))
                        p = std::uint8_t(std::lround(v));
                }
        }
    return image;
}

int l1(const Features& a, const Features& b) {
    int sum = 0;
    for (std::size_t j = 0; j < a.size(); ++j)
        sum += std::abs(int(a[j]) - int(b[j]));
    return sum;
}

} // namespace liveml::digits::test
