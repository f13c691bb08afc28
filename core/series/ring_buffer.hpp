#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <vector>

namespace liveml::series {

// Bounded FIFO of values that drops the oldest when full. Storage grows geometrically up to
// the capacity and is never released, so once a series has filled its buffer an append
// allocates nothing. Every value gets a sequence number (0, 1, 2, … in append order) so a reader
// can ask for "everything after what I already have" even after old values were dropped.
// Not thread-safe: the owner locks.
template <typename T> class RingBuffer {
  public:
    explicit RingBuffer(std::size_t capacity) : capacity_(capacity) {
        if (capacity == 0) throw std::invalid_argument("ring buffer capacity must be positive");
    }

    void push(const T& value) {
        if (items_.size() < capacity_) {
            items_.push_back(value);
        } else {
            items_[head_] = value;
            head_ = (head_ + 1) % capacity_;
        }
        ++end_sequence_;
    }

    std::size_t size() const noexcept { return items_.size(); }
    std::size_t capacity() const noexcept { return capacity_; }
    bool empty() const noexcept { return items_.empty(); }
    // Sequence number one past the newest value.
    std::uint64_t end_sequence() const noexcept { return end_sequence_; }
    // Sequence number of the oldest value still held.
    std::uint64_t begin_sequence() const noexcept { return end_sequence_ - items_.size(); }

    // i-th oldest value held, 0 <= i < size().
    const T& operator[](std::size_t i) const noexcept { return items_[slot(i)]; }
    T& operator[](std::size_t i) noexcept { return items_[slot(i)]; }
    const T& back() const noexcept { return (*this)[items_.size() - 1]; }

    // Calls sink(value) for each held value with sequence >= from, oldest first; returns the
    // sequence number to pass next time.
    template <typename Sink> std::uint64_t for_each_since(std::uint64_t from, Sink&& sink) const {
        const std::uint64_t first = std::max(from, begin_sequence());
        for (std::uint64_t s = first; s < end_sequence_; ++s)
            sink((*this)[static_cast<std::size_t>(s - begin_sequence())]);
        return end_sequence_;
    }

    void clear() noexcept {
        items_.clear();
        head_ = 0;
    }

  private:
    // A compare instead of a modulo: readers index every point of a series each frame.
    std::size_t slot(std::size_t i) const noexcept {
        const std::size_t j = head_ + i;
        return j < items_.size() ? j : j - items_.size();
    }

    std::size_t capacity_;
    std::vector<T> items_;
    std::size_t head_ = 0; // index of the oldest value once the buffer has wrapped
    std::uint64_t end_sequence_ = 0;
};

} // namespace liveml::series
