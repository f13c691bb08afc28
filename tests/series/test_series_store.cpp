#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "series/series_mirror.hpp"
#include "series/series_store.hpp"

using namespace liveml::series;

TEST(SeriesStore, RingBufferKeepsNewestWithinCapacity) {
    RingBuffer<int> ring(3);
    for (int i = 0; i < 5; ++i)
        ring.push(i);
    ASSERT_EQ(ring.size(), std::size_t(3));
    ASSERT_EQ(ring[0], 2);
    ASSERT_EQ(ring.back(), 4);
    ASSERT_EQ(ring.begin_sequence(), std::uint64_t(2));
    std::vector<int> since;
    ASSERT_EQ(ring.for_each_since(3, [&](int v) { since.push_back(v); }), std::uint64_t(5));
    ASSERT_EQ(since, (std::vector<int>{3, 4}));
    // A reader that fell behind gets what is still held.
    since.clear();
    ring.for_each_since(0, [&](int v) { since.push_back(v); });
    ASSERT_EQ(since, (std::vector<int>{2, 3, 4}));
}

TEST(SeriesStore, SeriesAreKeyedByRunAndMetric) {
    SeriesStore store(10);
    store.append({"run A", "accuracy"}, {1, 100, 0.5});
    store.append({"run B", "accuracy"}, {1, 100, 0.7});
    store.append({"run A", "loss"}, {1, 100, 2.0});
    ASSERT_EQ(store.size(), std::size_t(3));
    ASSERT_EQ(store.find({"run B", "accuracy"})->snapshot().at(0).value, 0.7);
    ASSERT_TRUE(store.find({"run C", "accuracy"}) == nullptr);
    ASSERT_EQ(store.keys().front().run, std::string("run A"));
}

TEST(SeriesStore, VersionChangesOnAppend) {
    SeriesStore store(10);
    const auto before = store.version();
    store.append({"r", "m"}, {0, 0, 1});
    ASSERT_TRUE(store.version() != before);
}

TEST(SeriesStore, CapacityBoundDropsOldest) {
    SeriesStore store(1000);
    auto series = store.series({"r", "m"});
    for (int i = 0; i < 5000; ++i)
        series->append({double(i), double(i), double(i)});
    const auto points = series->snapshot();
    ASSERT_EQ(points.size(), std::size_t(1000));
    ASSERT_EQ(points.front().step, 4000.0);
    ASSERT_EQ(points.back().step, 4999.0);
    ASSERT_EQ(series->appended(), std::uint64_t(5000));
}

// A writer thread appends while the GUI side snapshots and mirrors: every read must be a
// run of consecutive, whole points (never torn, never reordered), within capacity.
TEST(SeriesStore, WriterThreadAndSnapshots) {
    constexpr int kPoints = 300'000;
    constexpr std::size_t kCapacity = 50'000;
    SeriesStore store(kCapacity);
    auto series = store.series({"r", "m"});
    std::atomic<bool> done{false};
    std::thread writer([&] {
        for (int i = 0; i < kPoints; ++i)
            series->append({double(i), 1e9 + i, 2.0 * i});
        done = true;
    });
    SeriesMirror mirror(kCapacity, 0.0);
    int snapshots = 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    bool finished = false;
    while (!finished && std::chrono::steady_clock::now() < deadline) {
        finished = done.load();
        const auto points = series->snapshot();
        ASSERT_TRUE(points.size() <= kCapacity);
        for (std::size_t i = 0; i < points.size(); ++i) {
            ASSERT_EQ(points[i].value, 2 * points[i].step);
            ASSERT_EQ(points[i].time, 1e9 + points[i].step);
            if (i > 0) {
                ASSERT_EQ(points[i].step, points[i - 1].step + 1);
            }
        }
        mirror.sync(*series);
        for (std::size_t i = 1; i < mirror.size(); ++i)
            ASSERT_EQ(mirror[i].step, mirror[i - 1].step + 1);
        ++snapshots;
    }
    writer.join();
    ASSERT_TRUE(finished);
    mirror.sync(*series);
    ASSERT_EQ(mirror.size(), kCapacity);
    ASSERT_EQ(mirror[mirror.size() - 1].step, double(kPoints - 1));
    ASSERT_EQ(series->appended(), std::uint64_t(kPoints));
    ASSERT_TRUE(snapshots > 1);
}

TEST(SeriesStore, MirrorCopiesOnlyNewPoints) {
    SeriesStore store(100);
    auto series = store.series({"r", "m"});
    SeriesMirror mirror(100, 0.0);
    ASSERT_TRUE(!mirror.sync(*series));
    series->append({1, 1, 10});
    ASSERT_TRUE(mirror.sync(*series));
    ASSERT_TRUE(!mirror.sync(*series));
    series->append({2, 2, 20});
    ASSERT_TRUE(mirror.sync(*series));
    ASSERT_EQ(mirror.size(), std::size_t(2));
    ASSERT_EQ(mirror[1].value, 20.0);
    ASSERT_EQ(mirror.nearest(AxisMode::Step, 1.7), std::size_t(1));
    ASSERT_EQ(mirror.lowerBound(AxisMode::Step, 1.5), std::size_t(1));
}
