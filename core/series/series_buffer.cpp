#include "series/series_buffer.hpp"

namespace liveml::series {

SeriesBuffer::SeriesBuffer(std::size_t capacity, std::atomic<std::uint64_t>& store_version)
    : capacity_(capacity), store_version_(store_version), points_(capacity) {}

void SeriesBuffer::append(const SeriesPoint& point) {
    {
        std::lock_guard lock(mutex_);
        points_.push(point);
    }
    store_version_.fetch_add(1, std::memory_order_release);
}

std::vector<SeriesPoint> SeriesBuffer::snapshot() const {
    std::lock_guard lock(mutex_);
    std::vector<SeriesPoint> out;
    out.reserve(points_.size());
    points_.for_each_since(0, [&](const SeriesPoint& p) { out.push_back(p); });
    return out;
}

std::size_t SeriesBuffer::size() const {
    std::lock_guard lock(mutex_);
    return points_.size();
}

std::uint64_t SeriesBuffer::appended() const {
    std::lock_guard lock(mutex_);
    return points_.end_sequence();
}

} // namespace liveml::series
