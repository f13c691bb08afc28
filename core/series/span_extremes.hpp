#pragma once
#include <cmath>
#include <cstdint>
#include <limits>

namespace liveml::series {

// The lowest and highest finite value of a run of consecutive points, each with the sequence
// number of its first occurrence, and how many values were not finite (gaps). Ties keep the
// earlier point, as a left-to-right scan with strict comparisons does, so a summary built from
// blocks picks the same points as one built point by point.
struct SpanExtremes {
    double min = std::numeric_limits<double>::infinity();
    double max = -std::numeric_limits<double>::infinity();
    std::uint64_t min_sequence = 0;
    std::uint64_t max_sequence = 0;
    std::uint64_t non_finite = 0;

    bool hasFinite() const noexcept { return min <= max; }

    void add(std::uint64_t sequence, double value) noexcept {
        if (!std::isfinite(value)) {
            ++non_finite;
            return;
        }
        if (value < min) {
            min = value;
            min_sequence = sequence;
        }
        if (value > max) {
            max = value;
            max_sequence = sequence;
        }
    }

    // Folds in the run that directly follows this one.
    void merge(const SpanExtremes& next) noexcept {
        if (next.min < min) {
            min = next.min;
            min_sequence = next.min_sequence;
        }
        if (next.max > max) {
            max = next.max;
            max_sequence = next.max_sequence;
        }
        non_finite += next.non_finite;
    }
};

} // namespace liveml::series
