#include <QTest>

#include <atomic>
#include <thread>

#include "dashboard/series_mirror.hpp"
#include "dashboard/series_store.hpp"

using namespace liveml::dashboard;

class TestSeriesStore : public QObject {
    Q_OBJECT
  private slots:
    void ringBufferKeepsNewestWithinCapacity() {
        RingBuffer<int> ring(3);
        for (int i = 0; i < 5; ++i)
            ring.push(i);
        QCOMPARE(ring.size(), std::size_t(3));
        QCOMPARE(ring[0], 2);
        QCOMPARE(ring.back(), 4);
        QCOMPARE(ring.begin_sequence(), std::uint64_t(2));
        std::vector<int> since;
        QCOMPARE(ring.for_each_since(3, [&](int v) { since.push_back(v); }), std::uint64_t(5));
        QCOMPARE(since, (std::vector<int>{3, 4}));
        // A reader that fell behind gets what is still held.
        since.clear();
        ring.for_each_since(0, [&](int v) { since.push_back(v); });
        QCOMPARE(since, (std::vector<int>{2, 3, 4}));
    }

    void seriesAreKeyedByRunAndMetric() {
        SeriesStore store(10);
        store.append({"run A", "accuracy"}, {1, 100, 0.5});
        store.append({"run B", "accuracy"}, {1, 100, 0.7});
        store.append({"run A", "loss"}, {1, 100, 2.0});
        QCOMPARE(store.size(), std::size_t(3));
        QCOMPARE(store.find({"run B", "accuracy"})->snapshot().at(0).value, 0.7);
        QVERIFY(store.find({"run C", "accuracy"}) == nullptr);
        QCOMPARE(store.keys().front().run, std::string("run A"));
    }

    void versionChangesOnAppend() {
        SeriesStore store(10);
        const auto before = store.version();
        store.append({"r", "m"}, {0, 0, 1});
        QVERIFY(store.version() != before);
    }

    void capacityBoundDropsOldest() {
        SeriesStore store(1000);
        auto series = store.series({"r", "m"});
        for (int i = 0; i < 5000; ++i)
            series->append({double(i), double(i), double(i)});
        const auto points = series->snapshot();
        QCOMPARE(points.size(), std::size_t(1000));
        QCOMPARE(points.front().step, 4000.0);
        QCOMPARE(points.back().step, 4999.0);
        QCOMPARE(series->appended(), std::uint64_t(5000));
    }

    // A writer thread appends while the GUI side snapshots and mirrors: every read must be a
    // run of consecutive, whole points (never torn, never reordered), within capacity.
    void writerThreadAndSnapshots() {
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
        QElapsedTimer timer;
        timer.start();
        bool finished = false;
        while (!finished && timer.elapsed() < 20'000) {
            finished = done.load();
            const auto points = series->snapshot();
            QVERIFY(points.size() <= kCapacity);
            for (std::size_t i = 0; i < points.size(); ++i) {
                QCOMPARE(points[i].value, 2 * points[i].step);
                QCOMPARE(points[i].time, 1e9 + points[i].step);
                if (i > 0) QCOMPARE(points[i].step, points[i - 1].step + 1);
            }
            mirror.sync(*series);
            for (std::size_t i = 1; i < mirror.size(); ++i)
                QCOMPARE(mirror[i].step, mirror[i - 1].step + 1);
            ++snapshots;
        }
        writer.join();
        QVERIFY(finished);
        mirror.sync(*series);
        QCOMPARE(mirror.size(), kCapacity);
        QCOMPARE(mirror[mirror.size() - 1].step, double(kPoints - 1));
        QCOMPARE(series->appended(), std::uint64_t(kPoints));
        QVERIFY(snapshots > 1);
    }

    void mirrorCopiesOnlyNewPoints() {
        SeriesStore store(100);
        auto series = store.series({"r", "m"});
        SeriesMirror mirror(100, 0.0);
        QVERIFY(!mirror.sync(*series));
        series->append({1, 1, 10});
        QVERIFY(mirror.sync(*series));
        QVERIFY(!mirror.sync(*series));
        series->append({2, 2, 20});
        QVERIFY(mirror.sync(*series));
        QCOMPARE(mirror.size(), std::size_t(2));
        QCOMPARE(mirror[1].value, 20.0);
        QCOMPARE(mirror.nearest(AxisMode::Step, 1.7), std::size_t(1));
        QCOMPARE(mirror.lowerBound(AxisMode::Step, 1.5), std::size_t(1));
    }
};

QTEST_GUILESS_MAIN(TestSeriesStore)
#include "test_series_store.moc"
