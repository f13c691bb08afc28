#pragma once
#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <shared_mutex>
#include <vector>

#include "series/series_buffer.hpp"
#include "series/series_point.hpp"

namespace liveml::series {

// All series of a dashboard, keyed by run + metric (the PlotJuggler model): stream threads
// append, the GUI thread reads. A series is created on its first append and keeps at most
// capacity_per_series points, dropping the oldest. Thread-safe.
class SeriesStore {
  public:
    static constexpr std::size_t kDefaultCapacity = 1'000'000;

    explicit SeriesStore(std::size_t capacity_per_series = kDefaultCapacity);

    // The series for key, created empty if new. Holding the pointer lets a producer append
    // without the key lookup.
    std::shared_ptr<SeriesBuffer> series(const SeriesKey& key);
    // The series for key, or null if nothing was appended to it yet.
    std::shared_ptr<const SeriesBuffer> find(const SeriesKey& key) const;

    void append(const SeriesKey& key, const SeriesPoint& point) { series(key)->append(point); }

    // Keys in order (run, then metric).
    std::vector<SeriesKey> keys() const;
    std::size_t size() const;
    // Changes with every append and every new series: compare to skip redraws.
    std::uint64_t version() const noexcept { return version_.load(std::memory_order_acquire); }
    std::size_t capacity_per_series() const noexcept { return capacity_; }

  private:
    const std::size_t capacity_;
    std::atomic<std::uint64_t> version_{0};
    mutable std::shared_mutex mutex_;
    std::map<SeriesKey, std::shared_ptr<SeriesBuffer>> series_;
};

} // namespace liveml::series
