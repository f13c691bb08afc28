#include <QComboBox>
#include <QLocale>
#include <QTest>
#include <qcustomplot.h>

#include <algorithm>
#include <thread>

#include "dashboard/chart_theme.hpp"
#include "dashboard/confusion_matrix_chart.hpp"
#include "dashboard/dashboard_view.hpp"
#include "dashboard/label_distribution_chart.hpp"
#include "dashboard/leaderboard_table.hpp"
#include "dashboard/live_chart.hpp"
#include "series/metric_names.hpp"

using namespace liveml::dashboard;
using namespace liveml::series;

namespace {

// A record as core/stream/trainer_metrics.cpp writes it.
std::string record(double samples, double accuracy, std::int64_t ts_ms = 1'700'000'000'000) {
    return R"({"ts_ms":)" + std::to_string(ts_ms) + R"(,"samples_seen":)" +
           std::to_string(samples) + R"(,"trained":10,"accuracy_last_n":)" +
           std::to_string(accuracy) +
           R"(,"accuracy_window":10,"label_distribution":[1,2,3,4,5,6,7,8,9,10],)"
           R"("window_10s":{"total":40,"correct":30},"prequential_accuracy":0.75,)"
           R"("log_loss":null,"throughput_rps":123.5,"latency_ms":{"mean":2.5,"max":9},)"
           R"("consumer_lag":{"handwritten_digit:0":5,"handwritten_digit:1":7},"dlq_count":1,)"
           R"("sink_delivery_failures":0,"model_version":3,"redis":"connected"})";
}

// Samples, rolling accuracy, prequential accuracy, log loss, last 10 s, throughput, latency,
// consumer lag, dead letters; per learner: accuracy, log loss, calibration error, records/s.
constexpr std::size_t kLineCharts = 13;

// A record of a trainer with two learners (and a drift event when `drift_at` > 0), as
// core/stream/trainer_metrics.cpp writes it.
std::string learners_record(std::int64_t samples, std::int64_t ts_ms, std::int64_t drift_at = 0) {
    std::string json = R"({"ts_ms":)" + std::to_string(ts_ms) + R"(,"samples_seen":)" +
                       std::to_string(samples) +
                       R"(,"learners":{"sgd_classifier":{"accuracy":0.9,"log_loss":0.4,)"
                       R"("brier":0.2,"ece":0.08,"records_per_s":250000,"samples_seen":)" +
                       std::to_string(samples) +
                       R"(},"perceptron":{"accuracy":0.95,"log_loss":null,"brier":null,)"
                       R"("ece":null,"records_per_s":400000,"samples_seen":)" +
                       std::to_string(samples) + R"(}},"drift":[)";
    if (drift_at > 0)
        json += R"({"learner":"sgd_classifier","detector":"adwin","kind":"drift","samples_seen":)" +
                std::to_string(drift_at) + "}";
    return json + "]}";
}

const std::vector<const char*> kLearnerMetrics{metric::kLearnerAccuracy, metric::kLearnerLogLoss,
                                               metric::kLearnerEce, metric::kLearnerRate};

} // namespace

class TestDashboardView : public QObject {
    Q_OBJECT
  private slots:
    void metricsRecordUpdatesTheRightCharts() {
        DashboardView view;
        view.resize(1200, 900);
        view.show();
        QVERIFY(view.ingestMetricsJson(record(100, 0.5)));
        QVERIFY(view.ingestMetricsJson(record(200, 0.6, 1'700'000'001'000)));
        view.refresh();

        LiveChart* accuracy = view.chart(metric::kAccuracyLastN);
        QVERIFY(accuracy);
        QCOMPARE(accuracy->seriesCount(), 1);
        QCOMPARE(accuracy->plot()->graph(1)->dataCount(), 2);
        QCOMPARE(accuracy->plot()->graph(1)->data()->at(1)->value, 0.6);
        QCOMPARE(accuracy->plot()->graph(1)->data()->at(1)->key, 200.0);

        QCOMPARE(view.chart(metric::kWindowTotal), view.chart(metric::kWindowCorrect));
        QCOMPARE(view.chart(metric::kWindowTotal)->seriesCount(), 2);
        QCOMPARE(view.chart(metric::kLagPrefix)->seriesCount(), 2);
        QCOMPARE(view.chart(metric::kThroughput)->plot()->graph(1)->data()->at(0)->value, 123.5);
        // log_loss was null: the series exists but holds a gap, not a zero.
        QVERIFY(std::isnan(view.chart(metric::kLogLoss)->plot()->graph(1)->data()->at(0)->value));
        QCOMPARE(view.labelChart()->counts()[9], 10.0);
        const auto snapshot = view.feed().snapshot();
        QCOMPARE(snapshot.records, std::uint64_t(2));
        QCOMPARE(snapshot.modelVersion, std::int64_t(3));
        QCOMPARE(snapshot.malformed, std::uint64_t(0));
    }

    void malformedRecordsAreCountedAndIgnored() {
        DashboardView view;
        const char* bad[] = {
            "not json",
            "[1,2,3]",
            R"({"samples_seen":1})",                     // no ts_ms
            R"({"ts_ms":"yesterday","samples_seen":1})", // wrong type
            R"({"ts_ms":1,"samples_seen":-4})",          // negative step
            R"({"ts_ms":1,"samples_seen":1,"label_distribution":[1,2]})",
            R"({"ts_ms":1,"samples_seen":1,"consumer_lag":{"t:0":"many"}})",
            // Found by fuzz/metrics_record: whole-number fields beyond int64 (or fractional).
            R"({"ts_ms":1,"samples_seen":1,"model_version":1e300})",
            R"({"ts_ms":1,"samples_seen":1,"accuracy_window":9223372036854775808})",
            R"({"ts_ms":1,"samples_seen":1,"model_version":2.5})",
            "",
        };
        for (const char* text : bad)
            QVERIFY2(!view.ingestMetricsJson(text), text);
        QVERIFY(!view.ingestPrediction(10, 1));
        QVERIFY(!view.ingestPrediction(1, -1));
        const auto snapshot = view.feed().snapshot();
        QCOMPARE(snapshot.malformed, std::uint64_t(std::size(bad) + 2));
        QCOMPARE(snapshot.records, std::uint64_t(0));
        QVERIFY(!snapshot.lastError.empty());
        QCOMPARE(view.store().size(), std::size_t(0));
        // A good record after the bad ones still charts; unknown fields are ignored.
        QVERIFY(view.ingestMetricsJson(R"({"ts_ms":1000,"samples_seen":5,"future_field":[1]})"));
        view.refresh();
        QCOMPARE(view.chart(metric::kSamplesSeen)->seriesCount(), 1);
    }

    void predictionsFillTheConfusionMatrixAndRollingAccuracy() {
        DashboardView view;
        for (int i = 0; i < 30; ++i)
            view.ingestPrediction(3, i < 20 ? 3 : 8);
        view.ingestPrediction(5, 5);
        view.refresh();
        ConfusionMatrixChart* matrix = view.confusionChart();
        QVERIFY(matrix->rowNormalized());
        QVERIFY(std::abs(matrix->cellValue(3, 3) - 2.0 / 3.0) < 1e-12);
        QCOMPARE(matrix->cellValue(5, 5), 1.0);
        matrix->setRowNormalized(false);
        QCOMPARE(matrix->cellValue(3, 8), 10.0);
        QVERIFY(matrix->readout(3, 8).contains("33.3"));

        QVERIFY(view.ingestMetricsJson(record(31, 0.9)));
        view.refresh();
        LiveChart* rolling = view.chart(metric::kRollingAccuracy);
        QCOMPARE(rolling->seriesCount(), 2); // trainer's N and the dashboard's
        const auto* series = view.store().find({"trainer", metric::kRollingAccuracy}).get();
        QVERIFY(series);
        QCOMPARE(series->snapshot().at(0).value, 21.0 / 31.0);
    }

    void modelResetStartsAnOverlaidRun() {
        DashboardView view;
        QVERIFY(view.ingestMetricsJson(record(500, 0.9)));
        QVERIFY(view.ingestMetricsJson(record(10, 0.1))); // step went back: a new model
        QVERIFY(view.ingestMetricsJson(record(20, 0.2)));
        view.refresh();
        LiveChart* chart = view.chart(metric::kSamplesSeen);
        QCOMPARE(chart->seriesCount(), 2);
        QCOMPARE(chart->seriesName(1), QString("samples seen · trainer #2"));
        QCOMPARE(view.feed().snapshot().run, std::string("trainer #2"));
        // A caller names the run of records that carry none (e.g. a second trainer's id).
        QVERIFY(view.ingestMetricsJson(record(5, 0.2), "trainer-b"));
        view.refresh();
        QCOMPARE(chart->seriesCount(), 3);
        QCOMPARE(chart->seriesName(2), QString("samples seen · trainer-b"));
    }

    void ingestionFromAnotherThread() {
        DashboardView view;
        view.show(); // hidden charts do not draw
        std::thread producer([&] {
            for (int i = 1; i <= 2000; ++i)
                view.ingestMetricsJson(record(i, 0.5, 1'700'000'000'000 + i));
        });
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 100)
            view.refresh();
        producer.join();
        view.refresh();
        QCOMPARE(view.chart(metric::kSamplesSeen)->plot()->graph(1)->dataCount() > 0, true);
        QCOMPARE(view.store().find({"trainer", metric::kSamplesSeen})->size(), std::size_t(2000));
    }

    // The dashboard's share of the studio's default 1180x760 window: three charts abreast,
    // ~220 px each. Every legend entry must show its whole text inside the chart, with one run
    // and with two (names then carry the run and the longest are shortened, not cut).
    void legendEntriesFitAtTheDefaultWindowSize() {
        DashboardView view;
        view.resize(680, 640);
        view.show();
        for (int i = 1; i <= 3; ++i) {
            view.ingestPrediction(i % 10, i % 10);
            QVERIFY(view.ingestMetricsJson(record(100 * i, 0.5)));
        }
        const auto check = [&](const char* when) {
            view.refresh();
            QCOMPARE(view.charts().size(), kLineCharts);
            int entries = 0;
            for (LiveChart* chart : view.charts()) {
                chart->plot()->replot();
                const QCPLegend* legend = chart->plot()->legend;
                for (int i = 0; i < legend->itemCount(); ++i) {
                    const QCPLayoutElement* item = legend->item(i);
                    const QString name = chart->seriesName(i);
                    QVERIFY2(item->outerRect().width() >= item->minimumOuterSizeHint().width(),
                             qPrintable(QStringLiteral("%1: %2 is cut").arg(when, name)));
                    QVERIFY2(item->outerRect().right() < chart->plot()->width(),
                             qPrintable(QStringLiteral("%1: %2 leaves the chart").arg(when, name)));
                    ++entries;
                }
            }
            // Every metric of the record has an entry (lag: two partitions; rolling accuracy:
            // two windows), so the checks above ran over all of them.
            QVERIFY2(entries >= 13, qPrintable(QString::number(entries)));
        };
        LiveChart* rolling = view.chart(metric::kRollingAccuracy);
        check("one run");
        QCOMPARE(rolling->seriesCount(), 2);
        const int ours = rolling->seriesName(0).startsWith("predictions") ? 0 : 1;
        auto* entry = qobject_cast<QCPPlottableLegendItem*>(rolling->plot()->legend->item(ours));
        QVERIFY(entry);
        QCOMPARE(entry->plottable()->name(), QString("predictions, last 1000"));

        QVERIFY(view.ingestMetricsJson(record(50, 0.5))); // samples went back: run "trainer #2"
        view.refresh();
        QCOMPARE(rolling->seriesCount(), 4);
        check("two runs");
        QVERIFY(entry->plottable()->name().endsWith(QString("trainer")));
    }

    // The trainer's N (from its records) and the one chosen here give different curves; each
    // legend entry says which window it is.
    void accuracyLegendsNameTheirWindows() {
        DashboardView view;
        view.ingestPrediction(1, 1);
        QVERIFY(view.ingestMetricsJson(record(10, 1.0)));
        view.refresh();
        LiveChart* rolling = view.chart(metric::kRollingAccuracy);
        QCOMPARE(rolling->seriesCount(), 2);
        const auto names = [&] {
            return QStringList{rolling->seriesName(0), rolling->seriesName(1)};
        };
        QVERIFY2(names().contains("trainer, last 10 · trainer"), qPrintable(names().join('|')));
        QVERIFY(names().contains("predictions, last 1000 · trainer"));

        auto* window = view.findChild<QComboBox*>("rollingWindow");
        QVERIFY(window);
        window->setCurrentIndex(window->findData(qulonglong(500)));
        QVERIFY2(names().contains("predictions, last 500 · trainer"),
                 qPrintable(names().join('|')));
    }

    // No test calls refresh() here: the view's one frame clock brings the data to every chart
    // in sight and leaves the charts scrolled out of sight undrawn until they come into view.
    void theViewsFrameClockDrawsTheChartsInSight() {
        DashboardView view;
        view.resize(900, 420); // the grid scrolls: some charts are out of sight
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        for (int i = 1; i <= 3; ++i)
            QVERIFY(view.ingestMetricsJson(record(100 * i, 0.5, 1'700'000'000'000 + i)));
        const auto inSight = [&] {
            std::vector<LiveChart*> shown;
            for (LiveChart* chart : view.charts())
                if (!chart->plot()->visibleRegion().isEmpty()) shown.push_back(chart);
            return shown;
        };
        const auto drawn = [](LiveChart* chart) {
            return chart->seriesCount() > 0 && chart->plot()->graph(1)->dataCount() == 3;
        };
        QVERIFY2(inSight().size() >= 3 && inSight().size() < kLineCharts,
                 qPrintable(QStringLiteral("%1 of %2 charts in sight in a %3 px high view")
                                .arg(inSight().size())
                                .arg(kLineCharts)
                                .arg(view.height())));
        const auto allDrawn = [&] {
            const std::vector<LiveChart*> shown = inSight();
            return std::all_of(shown.begin(), shown.end(), drawn);
        };
        QTRY_VERIFY_WITH_TIMEOUT(allDrawn(), 5000);
        const std::size_t shown = inSight().size();
        int undrawn = 0;
        for (LiveChart* chart : view.charts())
            undrawn += drawn(chart) ? 0 : 1;
        QCOMPARE(std::size_t(undrawn), kLineCharts - shown);
    }

    // Each learner is one line on every per-learner chart, in the same colour everywhere (the
    // leaderboard's swatch too), named by the learner; the leaderboard ranks them live.
    void learnersAreOverlaidInTheirOwnColoursAndRanked() {
        DashboardView view;
        // Every chart in sight: a chart names its legend entries when it draws.
        view.resize(1200, 2400);
        view.show();
        QVERIFY2(!view.leaderboard()->isVisibleTo(&view), "no learners reported yet");
        QVERIFY(view.ingestMetricsJson(learners_record(100, 1'700'000'000'000)));
        QVERIFY(view.ingestMetricsJson(learners_record(200, 1'700'000'001'000)));
        view.refresh();
        for (const char* name : kLearnerMetrics) {
            LiveChart* chart = view.chart(name);
            QVERIFY2(chart, name);
            QCOMPARE(chart->seriesCount(), 2);
            for (int i = 0; i < 2; ++i) {
                const QString learner = chart->seriesName(i).section(QStringLiteral(" · "), -1);
                QVERIFY2(learner == "sgd_classifier" || learner == "perceptron",
                         qPrintable(chart->seriesName(i)));
                QCOMPARE(chart->plot()->graph(2 * i + 1)->pen().color(),
                         learnerColor(learner.toStdString()));
                QCOMPARE(chart->plot()->graph(2 * i + 1)->name(), learner);
            }
        }
        QVERIFY(learnerColor("sgd_classifier") != learnerColor("perceptron"));

        LeaderboardTable* board = view.leaderboard();
        QVERIFY(board->isVisibleTo(&view));
        QCOMPARE(board->rowCount(), 2);
        QCOMPARE(board->item(0, LeaderboardTable::kLearner)->text(), QString("perceptron"));
        QCOMPARE(board->item(0, LeaderboardTable::kAccuracy)->text(), QString("95.0 %"));
        QCOMPARE(board->item(0, LeaderboardTable::kEce)->text(), QString("—"));
        QCOMPARE(board->item(1, LeaderboardTable::kLearner)->text(), QString("sgd_classifier"));
        QCOMPARE(board->item(1, LeaderboardTable::kLogLoss)->text(), QString("0.400"));
        QCOMPARE(board->item(1, LeaderboardTable::kRate)->text(),
                 QLocale().toString(250000.0, 'f', 0));
        const QImage swatch =
            board->item(1, LeaderboardTable::kLearner)->icon().pixmap(12, 12).toImage();
        QCOMPARE(swatch.pixelColor(6, 6), learnerColor("sgd_classifier"));

        // An interval without records (null scores) keeps the last scores on the board.
        QVERIFY(view.ingestMetricsJson(
            R"({"ts_ms":1700000001500,"samples_seen":200,"learners":{"perceptron":)"
            R"({"accuracy":null,"samples_seen":200},"sgd_classifier":{"accuracy":null}}})"));
        view.refresh();
        QCOMPARE(board->rowCount(), 2);
        QCOMPARE(board->item(0, LeaderboardTable::kAccuracy)->text(), QString("95.0 %"));
        QCOMPARE(board->item(1, LeaderboardTable::kLogLoss)->text(), QString("0.400"));

        // A newer record re-ranks the table.
        std::string next = learners_record(300, 1'700'000'002'000);
        next.replace(next.find("0.95"), 4, "0.50");
        QVERIFY(view.ingestMetricsJson(next));
        view.refresh();
        QCOMPARE(board->item(0, LeaderboardTable::kLearner)->text(), QString("sgd_classifier"));
    }

    // A drift event is a vertical line in its learner's colour on every line chart, at its
    // stream position on the step axis and at its record's time on the wall-clock axis.
    void driftEventsAreVerticalLinesOnEveryChart() {
        DashboardView view;
        view.resize(1200, 900);
        view.show();
        QVERIFY(view.ingestMetricsJson(learners_record(100, 1'700'000'000'000)));
        QVERIFY(view.ingestMetricsJson(learners_record(200, 1'700'000'001'000, 150)));
        view.refresh();
        QCOMPARE(view.charts().size(), kLineCharts);
        for (LiveChart* chart : view.charts()) {
            QCOMPARE(chart->markerCount(), 1);
            QCOMPARE(chart->markerX(0), 150.0);
        }
        QVERIFY(view.ingestMetricsJson(learners_record(300, 1'700'000'002'000)));
        QVERIFY(view.ingestMetricsJson(learners_record(400, 1'700'000'003'000, 320)));
        view.refresh();
        LiveChart* accuracy = view.chart(metric::kLearnerAccuracy);
        QCOMPARE(accuracy->markerCount(), 2);
        QCOMPARE(accuracy->markerX(1), 320.0);
        for (QComboBox* box : view.findChildren<QComboBox*>())
            if (box->objectName() != QStringLiteral("rollingWindow")) box->setCurrentIndex(1);
        QCOMPARE(accuracy->axisMode(), AxisMode::WallClock);
        QCOMPARE(accuracy->markerX(1), 1'700'000'003.0);
        int lines = 0;
        for (int i = 0; i < accuracy->plot()->itemCount(); ++i)
            lines += qobject_cast<QCPItemStraightLine*>(accuracy->plot()->item(i)) ? 1 : 0;
        QCOMPARE(lines, 2);
    }

    void smoothingReachesEveryChart() {
        DashboardView view;
        view.setSmoothing(0.9);
        QCOMPARE(view.charts().size(), kLineCharts); // else the loop below checks nothing
        for (LiveChart* chart : view.charts())
            QCOMPARE(chart->smoothing(), 0.9);
    }
};

QTEST_MAIN(TestDashboardView)
#include "test_dashboard_view.moc"
