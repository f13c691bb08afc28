#pragma once
#include <cstdint>
#include <vector>

#include "digits/digits_dataset.hpp"

namespace liveml::digits {

// A small distortion of a digit's shape, as people's handwriting varies: a turn, a slant
// and a change of width. Position, size and pen width need no augmenting: the feature
// pipeline removes them.
struct Distortion {
    double rotation_deg = 0;
    double shear = 0;       // x += shear * (distance below the centre): positive leans left
    double width_scale = 1; // horizontal stretch relative to height
};

// The sample's 32x32 bitmap as the block counts describe it (each 4x4 block evenly
// covered), distorted, then fitted back onto the original's extent (same longer side, same
// centre) and counted per block again. No distortion returns x unchanged.
Features distort(const Features& x, const Distortion& distortion);

struct AugmentOptions {
    int variants_per_sample = 3;
    double max_rotation_deg = 12;
    double max_shear = 0.3;
    double max_width_change = 0.15; // width_scale in [1 - m, 1 + m]
    std::uint64_t seed = 1;
};

// Each sample as it is plus `variants_per_sample` random distortions of it. Deterministic
// for a given seed on every platform.
std::vector<DigitSample> augment_digits(const std::vector<DigitSample>& data,
                                        const AugmentOptions& options);

} // namespace liveml::digits
