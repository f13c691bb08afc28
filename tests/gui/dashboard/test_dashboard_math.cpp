#include <QTest>

#include <cmath>

#include <QThread>

#include "dashboard/ema_smoother.hpp"
#include "dashboard/frame_budget.hpp"
#include "dashboard/min_max_decimator.hpp"
#include "dashboard/rolling_accuracy.hpp"
#include "dashboard/series_store.hpp"

using namespace liveml::dashboard;

class TestDashboardMath : public QObject {
    Q_OBJECT
  private slots:
    // Hand-computed with weight 0.5: averages 0.5, 1.25, 2.125 divided by the debias terms
    // 0.5, 0.75, 0.875.
    void emaMatchesHandComputedSequence() {
        const auto out = EmaSmoother::smooth({1, 2, 3}, 0.5);
        QCOMPARE(out.size(), std::size_t(3));
        QCOMPARE(out[0], 1.0);
        QVERIFY(std::abs(out[1] - 1.25 / 0.75) < 1e-12);
        QVERIFY(std::abs(out[2] - 2.125 / 0.875) < 1e-12);
    }

    void emaWeightZeroIsIdentityAndWeightIsClamped() {
        QCOMPARE(EmaSmoother::smooth({3, -1, 7}, 0.0), (std::vector<double>{3, -1, 7}));
        QCOMPARE(EmaSmoother(5).weight(), EmaSmoother::kMaxWeight);
        QCOMPARE(EmaSmoother(-1).weight(), 0.0);
        QCOMPARE(EmaSmoother(NAN).weight(), 0.0);
        // A constant stays constant even at the heaviest smoothing (the debiasing at work).
        const auto flat = EmaSmoother::smooth(std::vector<double>(50, 4.0), 0.999);
        QVERIFY(std::abs(flat.back() - 4.0) < 1e-9);
    }

    void emaSkipsMissingValues() {
        const auto out = EmaSmoother::smooth({1, NAN, 3}, 0.5);
        QVERIFY(std::isnan(out[1]));
        QVERIFY(std::abs(out[2] - 1.75 / 0.75) < 1e-12); // as smooth({1, 3})
    }

    void decimationKeepsExtremesWithinBudget() {
        SeriesStore store(200'000);
        auto series = store.series({"r", "m"});
        for (int i = 0; i < 100'000; ++i)
            series->append({double(i), double(i), std::sin(i * 0.01) + (i == 51'234 ? 5 : 0)});
        SeriesMirror mirror(200'000, 0.0);
        mirror.sync(*series);
        std::vector<PlotPoint> out;
        MinMaxDecimator::decimate(mirror, AxisMode::Step, SeriesValue::Raw, 0, 99'999, 500, out);
        QVERIFY(out.size() <= 4 * 501 + 2);
        QVERIFY(out.size() >= 500);
        double top = -10, bottom = 10;
        for (std::size_t i = 0; i < out.size(); ++i) {
            top = std::max(top, out[i].y);
            bottom = std::min(bottom, out[i].y);
            if (i > 0) QVERIFY(out[i].x >= out[i - 1].x);
        }
        QVERIFY(std::abs(top - (std::sin(512.34) + 5)) < 1e-12); // the spike survives
        QVERIFY(bottom < -0.9999);

        // A narrow range passes points through unchanged, plus one either side.
        MinMaxDecimator::decimate(mirror, AxisMode::Step, SeriesValue::Raw, 100, 110, 500, out);
        QCOMPARE(out.size(), std::size_t(13));
        QCOMPARE(out.front().x, 99.0);
        QCOMPARE(out.back().x, 111.0);
    }

    // Waits only ever make the credit larger, so the checks hold on a slow machine too.
    void frameBudgetRefillsAtHalfTheWallClock() {
        FrameBudget budget;
        QVERIFY(budget.allows());
        budget.spend(100); // three frames' worth: 33 - 100 leaves -67 ms of credit
        QVERIFY(!budget.allows());
        QThread::msleep(300); // refills 150 ms, capped at one frame interval
        QVERIFY(budget.allows());
        budget.spend(10'000);
        QThread::msleep(50);
        QVERIFY(!budget.allows()); // drawing stays off until half the overspend has passed
    }

    void rollingAccuracyWindowCanChange() {
        RollingAccuracy rolling(4);
        QVERIFY(std::isnan(rolling.value()));
        for (bool correct : {true, true, false, false, false, true})
            rolling.push(correct);
        QCOMPARE(rolling.value(), 0.25); // last 4: F F F T
        rolling.setWindow(2);
        QCOMPARE(rolling.value(), 0.5); // F T
        rolling.setWindow(100);
        QCOMPARE(rolling.value(), 3.0 / 6.0); // all six
    }
};

QTEST_GUILESS_MAIN(TestDashboardMath)
#include "test_dashboard_math.moc"
