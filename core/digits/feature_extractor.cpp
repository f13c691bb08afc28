#include "digits/feature_extractor.hpp"

#include "digits/distance_transform.hpp"
#include "digits/ink_plane.hpp"
#include "digits/thinning.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>
#include <vector>

namespace liveml::digits {
namespace {

// The digit is normalised in a frame twice the optdigits bitmap's resolution, so thinning
// and the redrawn pen are finer than one bitmap pixel; the frame is halved at the end.
constexpr int kFrame = 64;
constexpr int kBitmap = 32;
// Larger inputs are max-pooled to at most this side before anything else (huge photos).
constexpr int kPoolSide = 512;
// optdigits bitmaps hold ~313 of 1,024 pixels on, nearly the same for every class: the pen
// is widened or narrowed until the redrawn digit has that much ink.
constexpr int kTargetInk = 313;
// Pen radius bounds in frame pixels: at least ~1.5 bitmap pixels wide, and a lone stroke
// (a '1') may grow to the ~10-pixel-wide bar optdigits shows for it, but no further.
constexpr double kMinPen = 1.5;
constexpr double kMaxPen = 10.0;
constexpr double kFirstPenGuess = 4.0;
// Slant (x drift per unit of y, y downwards) of 90% of the digits set, measured on its
// 8x8 features the same way; inputs leaning further are sheared back to this range.
constexpr double kSlantRange[2] = {-0.16, 0.25};
// How much the centre line may be magnified to fill the frame: bounds what a dot becomes.
constexpr double kMaxMagnify = 2.0;

using Mask = std::vector<std::uint8_t>;

// The ink's bounding box scaled, aspect preserved, so its longer side spans the frame and
// centred; returned in a grid with a one-pixel empty border for thinning.
Mask ink_in_frame(const detail::InkPlane& plane) {
    constexpr int grid = kFrame + 2;
    Mask mask(static_cast<std::size_t>(grid) * grid, 0);
    const int bw = plane.x1 - plane.x0 + 1, bh = plane.y1 - plane.y0 + 1;
    const double s = double(std::max(bw, bh)) / kFrame; // plane cells per frame pixel
    const int ow = std::clamp(int(std::lround(bw / s)), 1, kFrame);
    const int oh = std::clamp(int(std::lround(bh / s)), 1, kFrame);
    const int ox = (kFrame - ow) / 2 + 1, oy = (kFrame - oh) / 2 + 1;
    for (int v = 0; v < oh; ++v) {
        for (int u = 0; u < ow; ++u) {
            int value = 0;
            if (s > 1.0) { // shrinking: the strongest ink under the pixel keeps thin strokes
                const int xa = plane.x0 + int(u * s),
                          xb = std::min(plane.x1, plane.x0 + int(std::ceil((u + 1) * s)) - 1);
                const int ya = plane.y0 + int(v * s),
                          yb = std::min(plane.y1, plane.y0 + int(std::ceil((v + 1) * s)) - 1);
                for (int y = ya; y <= yb; ++y)
                    for (int x = xa; x <= std::max(xa, xb); ++x)
                        value = std::max(value, plane.at(x, y));
            } else { // enlarging: bilinear, so a tiny drawing grows smooth edges
                const double sx = plane.x0 + (u + 0.5) * s - 0.5,
                             sy = plane.y0 + (v + 0.5) * s - 0.5;
                const int xa = std::clamp(int(std::floor(sx)), 0, plane.width - 1);
                const int ya = std::clamp(int(std::floor(sy)), 0, plane.height - 1);
                const int xb = std::min(xa + 1, plane.width - 1),
                          yb = std::min(ya + 1, plane.height - 1);
                const double fx = std::clamp(sx - xa, 0.0, 1.0), fy = std::clamp(sy - ya, 0.0, 1.0);
                const double top = plane.at(xa, ya) * (1 - fx) + plane.at(xb, ya) * fx;
                const double bottom = plane.at(xa, yb) * (1 - fx) + plane.at(xb, yb) * fx;
                value = int(std::lround(top * (1 - fy) + bottom * fy));
            }
            mask[static_cast<std::size_t>(v + oy) * grid + (u + ox)] = value >= plane.threshold;
        }
    }
    return mask;
}

struct Point {
    double x, y;
};

// The centre line of the ink, as pixel positions plus the 8-adjacent pairs joining them.
struct Skeleton {
    std::vector<Point> points;
    std::vector<std::pair<int, int>> links;
};

Skeleton skeleton_of(Mask mask) {
    constexpr int grid = kFrame + 2;
    long sx = 0, sy = 0, n = 0;
    for (int y = 0; y < grid; ++y)
        for (int x = 0; x < grid; ++x)
            if (mask[static_cast<std::size_t>(y) * grid + x]) sx += x, sy += y, ++n;
    detail::thin(mask, grid, grid);
    std::vector<int> index(mask.size(), -1);
    Skeleton skeleton;
    for (int y = 0; y < grid; ++y)
        for (int x = 0; x < grid; ++x) {
            const std::size_t i = static_cast<std::size_t>(y) * grid + x;
            if (!mask[i]) continue;
            index[i] = int(skeleton.points.size());
            skeleton.points.push_back({double(x), double(y)});
        }
    // Thinning erases a blob of 2x2 pixels entirely; such a dot is its centroid.
    if (skeleton.points.empty() && n > 0)
        skeleton.points.push_back({std::round(double(sx) / n), std::round(double(sy) / n)});
    for (const auto& p : skeleton.points) {
        const auto at = [&](int dx, int dy) {
            return index[static_cast<std::size_t>(int(p.y) + dy) * grid +
                         std::size_t(int(p.x) + dx)];
        };
        const int self = at(0, 0);
        for (const auto& [dx, dy] :
             {std::pair{1, 0}, std::pair{-1, 1}, std::pair{0, 1}, std::pair{1, 1}}) {
            const int other = at(dx, dy);
            if (other >= 0) skeleton.links.emplace_back(self, other);
        }
    }
    return skeleton;
}

// Shears the centre line so that its slant (second moments: horizontal drift per unit of
// height) lies within what the digits set's writers show. A digit's own lean (a 7's
// stem) stays; an italic hand's extra lean goes.
void limit_slant(Skeleton& skeleton) {
    double cx = 0, cy = 0;
    for (const auto& p : skeleton.points)
        cx += p.x, cy += p.y;
    const double n = double(skeleton.points.size());
    cx /= n, cy /= n;
    double mu11 = 0, mu02 = 0;
    for (const auto& p : skeleton.points)
        mu11 += (p.x - cx) * (p.y - cy), mu02 += (p.y - cy) * (p.y - cy);
    if (mu02 <= 0) return;
    const double slant = mu11 / mu02;
    const double shear = std::clamp(slant, kSlantRange[0], kSlantRange[1]) - slant;
    for (auto& p : skeleton.points)
        p.x += shear * (p.y - cy);
}

// Redraws the centre line one pixel wide, scaled and centred so that a pen of radius `pen`
// around it just fills the frame along the longer side.
Mask draw_centre_line(const Skeleton& skeleton, double pen) {
    double x0 = kFrame * 2, y0 = kFrame * 2, x1 = -1, y1 = -1;
    for (const auto& p : skeleton.points) {
        x0 = std::min(x0, p.x), x1 = std::max(x1, p.x);
        y0 = std::min(y0, p.y), y1 = std::max(y1, p.y);
    }
    const double extent = std::max(x1 - x0, y1 - y0);
    const double k = extent > 0 ? std::min(kMaxMagnify, (kFrame - 1 - 2 * pen) / extent) : 1.0;
    const double cx = (x0 + x1) / 2.0, cy = (y0 + y1) / 2.0, centre = (kFrame - 1) / 2.0;
    auto map = [&](const Point& p) {
        return std::pair{centre + k * (p.x - cx), centre + k * (p.y - cy)};
    };
    Mask out(static_cast<std::size_t>(kFrame) * kFrame, 0);
    auto plot = [&](double x, double y) {
        const int ix = std::clamp(int(std::lround(x)), 0, kFrame - 1);
        const int iy = std::clamp(int(std::lround(y)), 0, kFrame - 1);
        out[static_cast<std::size_t>(iy) * kFrame + ix] = 1;
    };
    for (const auto& p : skeleton.points) {
        const auto [x, y] = map(p);
        plot(x, y);
    }
    for (const auto& [a, b] : skeleton.links) { // magnified neighbours need the gap filled
        const auto [xa, ya] = map(skeleton.points[a]);
        const auto [xb, yb] = map(skeleton.points[b]);
        const int steps = int(std::ceil(std::max(std::abs(xb - xa), std::abs(yb - ya))));
        for (int i = 1; i < steps; ++i)
            plot(xa + (xb - xa) * i / steps, ya + (yb - ya) * i / steps);
    }
    return out;
}

// Squared distance from each bitmap pixel to the centre line: a bitmap pixel is inked by a
// pen when at least two of its four frame pixels are (the second smallest of the four).
using BitmapDistances = std::array<int, kBitmap * kBitmap>;
BitmapDistances bitmap_distances(const std::vector<int>& frame) {
    BitmapDistances out{};
    for (int y = 0; y < kBitmap; ++y)
        for (int x = 0; x < kBitmap; ++x) {
            const std::size_t i = static_cast<std::size_t>(2 * y) * kFrame + 2 * x;
            std::array<int, 4> d{frame[i], frame[i + 1], frame[i + kFrame], frame[i + kFrame + 1]};
            std::nth_element(d.begin(), d.begin() + 1, d.end());
            out[static_cast<std::size_t>(y) * kBitmap + x] = d[1];
        }
    return out;
}

// The smallest squared pen radius (frame pixels) that puts kTargetInk pixels on, bounded.
int pen_for_target_ink(const BitmapDistances& distances) {
    constexpr int kLargest = int(kMaxPen * kMaxPen);
    // Rounded up by hand: std::ceil is constexpr only as a GCC extension (clang refuses it).
    constexpr double kSmallestSquare = kMinPen * kMinPen;
    constexpr int kSmallest = int(kSmallestSquare) + (kSmallestSquare > int(kSmallestSquare));
    std::array<int, kLargest + 1> histogram{};
    for (const int d : distances)
        if (d <= kLargest) ++histogram[d];
    int covered = 0, d = 0;
    for (; d < kLargest; ++d) {
        covered += histogram[d];
        if (covered >= kTargetInk) break;
    }
    return std::max(d, kSmallest);
}

Features block_counts(const Bitmap32& bitmap) {
    Features x{};
    for (int y = 0; y < kBitmap; ++y)
        for (int c = 0; c < kBitmap; ++c)
            x[static_cast<std::size_t>(y / 4) * 8 + c / 4] +=
                bitmap[static_cast<std::size_t>(y) * kBitmap + c];
    return x;
}

} // namespace

DigitFeatures extract_features(const GrayImage& image) {
    if (image.width < 0 || image.height < 0 ||
        image.pixels.size() !=
            static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height))
        throw std::invalid_argument("extract_features: pixel count does not match width x height");
    DigitFeatures result;
    const auto plane = detail::find_ink(image, kPoolSide);
    if (plane.empty()) return result;

    auto skeleton = skeleton_of(ink_in_frame(plane));
    limit_slant(skeleton);
    // The pen both sets the ink and (through the margin it needs) the scale: one refinement
    // of a first guess settles it.
    auto distances = bitmap_distances(
        detail::squared_distance(draw_centre_line(skeleton, kFirstPenGuess), kFrame, kFrame));
    int pen_squared = pen_for_target_ink(distances);
    if (std::abs(std::sqrt(double(pen_squared)) - kFirstPenGuess) > 0.5) {
        distances = bitmap_distances(detail::squared_distance(
            draw_centre_line(skeleton, std::sqrt(double(pen_squared))), kFrame, kFrame));
        pen_squared = pen_for_target_ink(distances);
    }
    for (std::size_t i = 0; i < distances.size(); ++i)
        result.bitmap[i] = distances[i] <= pen_squared;
    result.x = block_counts(result.bitmap);
    result.empty = false;
    return result;
}

} // namespace liveml::digits
