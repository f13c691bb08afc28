#include "digits/digit_augmentation.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>

namespace liveml::digits {
namespace {

constexpr int kSide = 32;       // the optdigits bitmap side the counts came from
constexpr int kSupersample = 2; // samples per bitmap pixel along each axis

// Uniform in [-1, 1) from the top 53 bits: the same numbers with every standard library.
double symmetric_unit(std::mt19937_64& rng) {
    return double(rng() >> 11) * 0x1.0p-52 - 1.0;
}

struct Affine { // p' = M p, about the bitmap centre
    double m00, m01, m10, m11;
};

Affine forward_map(const Distortion& d) {
    const double a = d.rotation_deg * std::numbers::pi / 180.0;
    const double c = std::cos(a), s = std::sin(a), k = d.shear, w = d.width_scale;
    // rotate * stretch x by w * shear x by k
    return {c * w, c * w * k - s, s * w, s * w * k + c};
}

struct Box {
    double x0 = 1e9, y0 = 1e9, x1 = -1e9, y1 = -1e9;
    double side() const { return std::max(x1 - x0, y1 - y0); }
    double cx() const { return (x0 + x1) / 2; }
    double cy() const { return (y0 + y1) / 2; }
};

// Where the inked blocks' corners land under m (offsets from the bitmap centre).
Box inked_extent(const Features& x, const Affine& m) {
    constexpr double centre = kSide / 2.0;
    Box box;
    for (int row = 0; row < 8; ++row)
        for (int col = 0; col < 8; ++col) {
            if (!x[std::size_t(row) * 8 + col]) continue;
            for (const int cy : {row * 4, row * 4 + 4})
                for (const int cx : {col * 4, col * 4 + 4}) {
                    const double dx = cx - centre, dy = cy - centre;
                    const double px = m.m00 * dx + m.m01 * dy, py = m.m10 * dx + m.m11 * dy;
                    box.x0 = std::min(box.x0, px), box.x1 = std::max(box.x1, px);
                    box.y0 = std::min(box.y0, py), box.y1 = std::max(box.y1, py);
                }
        }
    return box;
}

} // namespace

Features distort(const Features& x, const Distortion& distortion) {
    const Affine m = forward_map(distortion);
    constexpr double centre = kSide / 2.0;
    // The distorted digit is fitted back onto the original's extent: same longer side, same
    // centre, so no distortion changes nothing.
    const Box before = inked_extent(x, {1, 0, 0, 1}), after = inked_extent(x, m);
    if (before.x1 < before.x0) return x; // nothing inked: nothing to distort
    const double scale = before.side() / after.side();
    const double det = m.m00 * m.m11 - m.m01 * m.m10;

    // Each output pixel averages a few point samples of the source's block coverage.
    std::array<double, kFeatures> sums{};
    for (int py = 0; py < kSide * kSupersample; ++py)
        for (int px = 0; px < kSide * kSupersample; ++px) {
            const double ox = (px + 0.5) / kSupersample - centre,
                         oy = (py + 0.5) / kSupersample - centre;
            const double dx = (ox - before.cx()) / scale + after.cx(); // in the distorted frame
            const double dy = (oy - before.cy()) / scale + after.cy();
            const double u = (m.m11 * dx - m.m01 * dy) / det + centre;
            const double v = (-m.m10 * dx + m.m00 * dy) / det + centre;
            if (u < 0 || v < 0 || u >= kSide || v >= kSide) continue;
            const double coverage = x[std::size_t(v / 4) * 8 + std::size_t(u / 4)] / 16.0;
            sums[std::size_t(py / kSupersample / 4) * 8 + std::size_t(px / kSupersample / 4)] +=
                coverage;
        }
    Features out{};
    constexpr double kSamplesPerPixel = kSupersample * kSupersample;
    for (std::size_t j = 0; j < kFeatures; ++j)
        out[j] = std::uint8_t(std::clamp(std::lround(sums[j] / kSamplesPerPixel), 0L, 16L));
    return out;
}

std::vector<DigitSample> augment_digits(const std::vector<DigitSample>& data,
                                        const AugmentOptions& options) {
    std::mt19937_64 rng(options.seed);
    std::vector<DigitSample> out;
    out.reserve(data.size() * std::size_t(1 + std::max(0, options.variants_per_sample)));
    for (const auto& sample : data) {
        out.push_back(sample);
        for (int i = 0; i < options.variants_per_sample; ++i) {
            Distortion d;
            d.rotation_deg = options.max_rotation_deg * symmetric_unit(rng);
            d.shear = options.max_shear * symmetric_unit(rng);
            d.width_scale = 1.0 + options.max_width_change * symmetric_unit(rng);
            out.push_back({distort(sample.x, d), sample.label});
        }
    }
    return out;
}

} // namespace liveml::digits
