#include "series/series_store.hpp"

#include <mutex>
#include <stdexcept>

namespace liveml::series {

SeriesStore::SeriesStore(std::size_t capacity_per_series) : capacity_(capacity_per_series) {
    if (capacity_ == 0) throw std::invalid_argument("series capacity must be positive");
}

std::shared_ptr<SeriesBuffer> SeriesStore::series(const SeriesKey& key) {
    {
        // The common case, an existing series, only needs the shared lock and no allocation.
        std::shared_lock lock(mutex_);
        if (auto it = series_.find(key); it != series_.end()) return it->second;
    }
    std::unique_lock lock(mutex_);
    auto& slot = series_[key];
    if (!slot) {
        slot = std::make_shared<SeriesBuffer>(capacity_, version_);
        version_.fetch_add(1, std::memory_order_release);
    }
    return slot;
}

std::shared_ptr<const SeriesBuffer> SeriesStore::find(const SeriesKey& key) const {
    std::shared_lock lock(mutex_);
    auto it = series_.find(key);
    return it == series_.end() ? nullptr : it->second;
}

std::vector<SeriesKey> SeriesStore::keys() const {
    std::shared_lock lock(mutex_);
    std::vector<SeriesKey> out;
    out.reserve(series_.size());
    for (const auto& [key, buffer] : series_)
        out.push_back(key);
    return out;
}

std::size_t SeriesStore::size() const {
    std::shared_lock lock(mutex_);
    return series_.size();
}

} // namespace liveml::series
