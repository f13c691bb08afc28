#pragma once
#include <atomic>
#include <cstdint>
#include <mutex>
#include <vector>

#include "series/ring_buffer.hpp"
#include "series/series_point.hpp"

namespace liveml::series {

// The points of one series, shared between the threads that append (stream consumers) and
// the GUI thread that reads. Every call takes the buffer's own lock, so appends to different
// series never contend.
class SeriesBuffer {
  public:
    // store_version is bumped on every append so a reader can tell cheaply whether anything
    // changed anywhere; it must outlive the buffer.
    SeriesBuffer(std::size_t capacity, std::atomic<std::uint64_t>& store_version);

    void append(const SeriesPoint& point);

    // The points held right now, oldest first.
    std::vector<SeriesPoint> snapshot() const;

    // Calls sink(point) for each held point appended at or after sequence `from`, under the
    // lock (keep sink short); returns the sequence to pass next time.
    template <typename Sink> std::uint64_t read_since(std::uint64_t from, Sink&& sink) const {
        std::lock_guard lock(mutex_);
        return points_.for_each_since(from, sink);
    }

    std::size_t size() const;
    std::size_t capacity() const noexcept { return capacity_; }
    // Points appended over the buffer's life, dropped ones included.
    std::uint64_t appended() const;

  private:
    const std::size_t capacity_;
    std::atomic<std::uint64_t>& store_version_;
    mutable std::mutex mutex_;
    RingBuffer<SeriesPoint> points_;
};

} // namespace liveml::series
