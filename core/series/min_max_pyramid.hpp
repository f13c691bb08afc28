#pragma once
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "series/ring_buffer.hpp"
#include "series/span_extremes.hpp"

namespace liveml::series {

// Min/max summaries of a series' values per aligned block of 2^k points, kept up to date while
// values are appended (amortised O(1) per value), so the extremes of n consecutive points cost
// O(log n) block reads plus fewer than 2 * kLeafSize point reads instead of n. The owner keeps
// the values themselves and lends a reader (value_at(sequence)) to each query; blocks are
// aligned to the append sequence, so dropping the oldest values never invalidates them.
class MinMaxPyramid {
  public:
    // 8 points per smallest block: the summaries take about capacity / 4 blocks, and the ragged
    // ends of a queried run cost at most 7 point reads each.
    static constexpr unsigned kLeafBits = 3;
    static constexpr std::uint64_t kLeafSize = std::uint64_t(1) << kLeafBits;

    // capacity: how many of the newest values the owner holds (older blocks are dropped).
    explicit MinMaxPyramid(std::size_t capacity);

    // Forgets everything; the next value pushed has sequence number `first`.
    void clear(std::uint64_t first = 0);
    void push(double value);

    // Extremes of the values with sequence in [from, to); all of them must still be held.
    template <typename ValueAt>
    SpanExtremes extremes(std::uint64_t from, std::uint64_t to, const ValueAt& value_at) const {
        SpanExtremes out;
        walk(
            from, to,
            [&](std::uint64_t sequence) {
                out.add(sequence, value_at(sequence));
                return true;
            },
            [&](const SpanExtremes& block, unsigned, std::uint64_t) {
                out.merge(block);
                return true;
            });
        return out;
    }

    // Sequence of the first non-finite value in [from, to), or `to` when there is none.
    template <typename ValueAt>
    std::uint64_t firstNonFinite(std::uint64_t from, std::uint64_t to,
                                 const ValueAt& value_at) const {
        std::uint64_t found = to;
        walk(
            from, to,
            [&](std::uint64_t sequence) {
                if (std::isfinite(value_at(sequence))) return true;
                found = sequence;
                return false;
            },
            [&](const SpanExtremes& block, unsigned level, std::uint64_t index) {
                if (block.non_finite == 0) return true;
                found = firstNonFiniteInBlock(level, index, value_at);
                return false;
            });
        return found;
    }

  private:
    // Block `index` of `level` (2^(kLeafBits + level) points), or nullptr if not held.
    const SpanExtremes* block(unsigned level, std::uint64_t index) const noexcept;

    // Visits [from, to) as a few pieces in order: single points (on_point(sequence)) at the
    // ragged ends and the largest held aligned blocks (on_block(block, level, index)) between.
    // Either callback returns false to stop.
    template <typename OnPoint, typename OnBlock>
    void walk(std::uint64_t from, std::uint64_t to, OnPoint&& on_point, OnBlock&& on_block) const {
        std::uint64_t s = from - origin_; // blocks are aligned to the first value pushed
        const std::uint64_t end = to - origin_;
        while (s < end) {
            const SpanExtremes* best =
                s % kLeafSize == 0 && s + kLeafSize <= end ? block(0, s >> kLeafBits) : nullptr;
            if (!best) {
                if (!on_point(s + origin_)) return;
                ++s;
                continue;
            }
            unsigned level = 0;
            for (unsigned up = 1; up < levels_.size(); ++up) {
                const unsigned bits = kLeafBits + up;
                const std::uint64_t size = std::uint64_t(1) << bits;
                if (s % size != 0 || s + size > end) break;
                const SpanExtremes* bigger = block(up, s >> bits);
                if (!bigger) break;
                best = bigger;
                level = up;
            }
            if (!on_block(*best, level, s >> (kLeafBits + level))) return;
            s += std::uint64_t(1) << (kLeafBits + level);
        }
    }

    template <typename ValueAt>
    std::uint64_t firstNonFiniteInBlock(unsigned level, std::uint64_t index,
                                        const ValueAt& value_at) const {
        // Descend towards the earlier child holding a gap; a held block's children are held.
        for (; level > 0; --level) {
            const SpanExtremes* left = block(level - 1, 2 * index);
            index = left && left->non_finite > 0 ? 2 * index : 2 * index + 1;
        }
        const std::uint64_t first = (index << kLeafBits) + origin_;
        for (std::uint64_t s = first; s < first + kLeafSize; ++s)
            if (!std::isfinite(value_at(s))) return s;
        return first + kLeafSize; // unreachable while the summaries match the values
    }

    std::vector<RingBuffer<SpanExtremes>> levels_; // levels_[k]: blocks of 2^(kLeafBits+k)
    SpanExtremes open_;                            // the smallest block still being filled
    std::uint64_t origin_ = 0;                     // sequence of the first value pushed
    std::uint64_t count_ = 0;                      // values pushed since then
};

} // namespace liveml::series
