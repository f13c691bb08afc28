#include "series/min_max_pyramid.hpp"

namespace liveml::series {

namespace {

// One level per block size up to the first that spans the whole capacity: a query never
// needs a block larger than the points held.
std::vector<RingBuffer<SpanExtremes>> makeLevels(std::size_t capacity) {
    std::vector<RingBuffer<SpanExtremes>> levels;
    std::uint64_t size = MinMaxPyramid::kLeafSize;
    do {
        // Blocks lying wholly inside the held points, plus the one the oldest point straddles
        // and the newest; also at least two, so a just-finished block still has its sibling.
        levels.emplace_back(capacity / size + 2);
        size *= 2;
    } while (size / 2 < capacity);
    return levels;
}

} // namespace

MinMaxPyramid::MinMaxPyramid(std::size_t capacity) : levels_(makeLevels(capacity)) {}

void MinMaxPyramid::clear(std::uint64_t first) {
    for (auto& level : levels_)
        level = RingBuffer<SpanExtremes>(level.capacity());
    open_ = {};
    origin_ = first;
    count_ = 0;
}

void MinMaxPyramid::push(double value) {
    open_.add(origin_ + count_, value);
    ++count_;
    if (count_ % kLeafSize != 0) return;
    levels_[0].push(open_);
    open_ = {};
    // Each second block of a level completes a block of the next one.
    for (std::size_t k = 0; k + 1 < levels_.size(); ++k) {
        const auto& level = levels_[k];
        if (level.end_sequence() % 2 != 0) break;
        SpanExtremes parent = level[level.size() - 2];
        parent.merge(level.back());
        levels_[k + 1].push(parent);
    }
}

const SpanExtremes* MinMaxPyramid::block(unsigned level, std::uint64_t index) const noexcept {
    if (level >= levels_.size()) return nullptr;
    const auto& blocks = levels_[level];
    if (index < blocks.begin_sequence() || index >= blocks.end_sequence()) return nullptr;
    return &blocks[std::size_t(index - blocks.begin_sequence())];
}

} // namespace liveml::series
