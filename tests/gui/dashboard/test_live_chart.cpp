#include <QImage>
#include <QScrollArea>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include "dashboard/live_chart.hpp"
#include "gui_test_support.hpp"

using namespace liveml::dashboard;
using namespace liveml::series;

class TestLiveChart : public QObject {
    Q_OBJECT
  private:
    static void fill(SeriesStore& store, const SeriesKey& key, int n, double scale = 1) {
        // Steps continue where the series ended, as a trainer's do.
        auto series = store.series(key);
        const int start = int(series->appended());
        for (int i = start; i < start + n; ++i)
            series->append({double(i), 1.7e9 + i, scale * i});
    }

  private slots:
    void plotsWhatTheStoreReceives() {
        SeriesStore store;
        LiveChart chart(store);
        chart.addMetric("accuracy", "accuracy");
        chart.resize(600, 400);
        chart.show();
        QVERIFY(!chart.refresh() || chart.seriesCount() == 0);
        fill(store, {"run 1", "accuracy"}, 100);
        fill(store, {"run 1", "other"}, 10); // not this chart's metric
        QVERIFY(chart.refresh());
        QCOMPARE(chart.seriesCount(), 1);
        QCOMPARE(chart.seriesName(0), QString("accuracy · run 1"));
        QVERIFY(chart.plot()->graph(1)->dataCount() > 0);
        const QCPRange x = chart.plot()->xAxis->range();
        QVERIFY(x.lower <= 0 && x.upper >= 99);
        const QCPRange y = chart.plot()->yAxis->range();
        QVERIFY(y.lower <= 0 && y.upper >= 99);
        QVERIFY(!chart.refresh()); // nothing new: no redraw

        // A new run of the metric becomes a new line at the next frame.
        fill(store, {"run 2", "accuracy"}, 50);
        QVERIFY(chart.refresh());
        QCOMPARE(chart.seriesCount(), 2);
    }

    void anEmptyChartFillsItsWidthAndKeepsItsLegendOnceDataCome() {
        SeriesStore store;
        LiveChart chart(store);
        chart.addMetric("loss", "loss");
        chart.resize(600, 300);
        chart.show();
        chart.refresh();
        chart.plot()->replot();
        // No series yet: the axes span the chart, not the few pixels an empty legend allows.
        QVERIFY2(chart.plot()->axisRect()->outerRect().width() > 500,
                 qPrintable(QString::number(chart.plot()->axisRect()->outerRect().width())));
        fill(store, {"run", "loss"}, 20);
        QVERIFY(chart.refresh());
        QVERIFY(chart.plot()->legend->visible());
        QCOMPARE(chart.plot()->legend->itemCount(), 1);
        QVERIFY(chart.plot()->axisRect()->outerRect().width() > 500);
    }

    void largeSeriesAreDecimatedPerPixel() {
        SeriesStore store;
        LiveChart chart(store);
        chart.addMetric("m", "m");
        chart.resize(800, 400);
        chart.show();
        fill(store, {"r", "m"}, 100'000);
        chart.refresh();
        const int width = chart.plot()->axisRect()->width();
        QVERIFY(chart.plot()->graph(1)->dataCount() <= 4 * (width + 1) + 2);
        // A dense band is drawn without antialiasing; every point (the reference) keeps it.
        QVERIFY(!chart.plot()->graph(1)->antialiased());
        chart.setDecimation(false);
        chart.refresh();
        QCOMPARE(chart.plot()->graph(1)->dataCount(), 100'000);
    }

    void sparseLinesStayAntialiased() {
        SeriesStore store;
        LiveChart chart(store);
        chart.addMetric("m", "m");
        chart.resize(800, 400);
        chart.show();
        fill(store, {"r", "m"}, 60); // fewer points than any plot has pixel columns
        chart.refresh();
        QVERIFY(chart.plot()->graph(1)->antialiased());
        fill(store, {"r", "m"}, 100'000);
        chart.refresh();
        QVERIFY(!chart.plot()->graph(1)->antialiased());
    }

    void metricAddedAfterItsDataIsPlotted() {
        SeriesStore store;
        fill(store, {"r", "m"}, 50);
        LiveChart chart(store);
        chart.show();
        chart.refresh(); // no metric yet: nothing to show
        chart.addMetric("m", "m");
        QVERIFY(chart.refresh()); // the store did not change since, yet the series appears
        QCOMPARE(chart.seriesCount(), 1);
        QCOMPARE(chart.plot()->graph(1)->dataCount(), 50);
    }

    void hiddenChartDrawsOnlyOnceShown() {
        SeriesStore store;
        LiveChart chart(store);
        chart.addMetric("m", "m");
        chart.resize(600, 400);
        fill(store, {"r", "m"}, 100);
        QVERIFY(!chart.refresh()); // hidden: data pulled, nothing drawn
        QCOMPARE(chart.seriesCount(), 1);
        QCOMPARE(chart.plot()->graph(1)->dataCount(), 0);
        chart.show();
        QVERIFY(chart.refresh()); // the pending view is drawn without new data
        QCOMPARE(chart.plot()->graph(1)->dataCount(), 100);
        QVERIFY(!chart.refresh());
    }

    void chartScrolledOutOfViewDrawsWhenScrolledBack() {
        SeriesStore store;
        QScrollArea scroll;
        auto* page = new QWidget;
        auto* layout = new QVBoxLayout(page);
        layout->addSpacing(2000); // the chart starts far below the viewport
        auto* chart = new LiveChart(store, page);
        layout->addWidget(chart);
        chart->addMetric("m", "m");
        scroll.setWidget(page);
        scroll.resize(400, 300);
        scroll.show();
        fill(store, {"r", "m"}, 100);
        QVERIFY(!chart->refresh());
        QCOMPARE(chart->plot()->graph(1)->dataCount(), 0);
        scroll.ensureWidgetVisible(chart);
        QVERIFY(chart->refresh());
        QCOMPARE(chart->plot()->graph(1)->dataCount(), 100);
    }

    void zoomPausesFollowAndResetResumes() {
        SeriesStore store;
        LiveChart chart(store);
        chart.addMetric("m", "m");
        chart.show();
        fill(store, {"r", "m"}, 100);
        chart.refresh();
        QSignalSpy follow(&chart, &LiveChart::followChanged);
        chart.zoomX(10, 20);
        QVERIFY(!chart.follows());
        QCOMPARE(follow.count(), 1);
        fill(store, {"r", "m"}, 10); // more data must not move a paused view
        chart.refresh();
        QCOMPARE(chart.plot()->xAxis->range().lower, 10.0);
        chart.resetView();
        QVERIFY(chart.follows());
        QVERIFY(chart.plot()->xAxis->range().upper >= 109);
    }

    void followKeepsTheLatestWindow() {
        SeriesStore store;
        LiveChart chart(store);
        chart.addMetric("m", "m");
        chart.show();
        auto series = store.series({"r", "m"});
        for (int i = 0; i <= 100; ++i)
            series->append({double(i), 0, 1});
        chart.refresh();
        chart.zoomX(80, 100);
        chart.setFollow(true); // resume with the 20-step window the user chose
        for (int i = 101; i <= 200; ++i)
            series->append({double(i), 0, 1});
        chart.refresh();
        QCOMPARE(chart.plot()->xAxis->range().upper, 200.0);
        QCOMPARE(chart.plot()->xAxis->range().lower, 180.0);
    }

    void csvExportHasHeaderAndVisibleRowsOnly() {
        SeriesStore store;
        LiveChart chart(store);
        chart.addMetric("m", "loss");
        chart.show();
        fill(store, {"run, \"A\"", "m"}, 100);
        auto b = store.series({"run B", "m"});
        for (int i = 0; i < 100; i += 2)
            b->append({double(i), 0, 0.5});
        chart.refresh();
        chart.zoomX(10, 20);

        QTemporaryDir dir;
        const QString path = dir.filePath("visible.csv");
        QVERIFY(chart.exportCsv(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList lines =
            QString::fromUtf8(file.readAll()).split("\r\n", Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1 + 11); // header + steps 10..20
        // Columns in key order ("run B" sorts before "run, ..."), the quoted name escaped.
        QCOMPARE(lines[0], QString("step,loss · run B,\"loss · run, \"\"A\"\"\""));
        QCOMPARE(lines[1], QString("10,0.5,10"));
        QCOMPARE(lines[2], QString("11,,11")); // run B has no point at step 11
        QCOMPARE(lines.last(), QString("20,0.5,20"));
    }

    void wallClockCsvUsesIsoTimes() {
        SeriesStore store;
        LiveChart chart(store);
        chart.addMetric("m", "m");
        chart.show();
        store.append({"r", "m"}, {1, 1700000000.25, 3});
        chart.setAxisMode(AxisMode::WallClock);
        chart.refresh();
        const QStringList lines = chart.visibleCsv().split("\r\n", Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines[0], QString("time,m · r"));
        QCOMPARE(lines[1], QString("2023-11-14T22:13:20.250Z,3"));
    }

    void pngAndPdfExportsAreReadable() {
        SeriesStore store;
        LiveChart chart(store);
        chart.addMetric("m", "m");
        chart.resize(500, 300);
        chart.show();
        fill(store, {"r", "m"}, 1000);
        chart.refresh();
        QTemporaryDir dir;
        QVERIFY(chart.exportPng(dir.filePath("chart.png"), 640, 360));
        QImage image(dir.filePath("chart.png"));
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), QSize(640, 360));
        // Drawn, not just sized: axes, labels and the line cover part of it.
        QVERIFY(liveml::guitest::pixelsUnlikeTheCorner(image) > 640 * 360 / 50);
        QVERIFY(chart.exportPdf(dir.filePath("chart.pdf")));
        QFile pdf(dir.filePath("chart.pdf"));
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(5) == "%PDF-");
    }

    void hoverReadsOutNearestPointWithSmoothing() {
        SeriesStore store;
        LiveChart chart(store);
        chart.addMetric("m", "loss");
        chart.resize(600, 400);
        chart.show();
        auto series = store.series({"r", "m"});
        for (double v : {1.0, 2.0, 3.0})
            series->append({series->appended() * 1.0, 0, v});
        chart.setSmoothing(0.5);
        chart.refresh();
        const QPointF pixel(chart.plot()->xAxis->coordToPixel(1),
                            chart.plot()->yAxis->coordToPixel(2));
        const QString text = chart.readoutAt(pixel);
        QVERIFY2(text.contains("loss · r"), qPrintable(text));
        QVERIFY2(text.contains("step 1"), qPrintable(text));
        QVERIFY2(text.contains("value: 2"), qPrintable(text));
        QVERIFY2(text.contains("smoothed: 1.66667"), qPrintable(text));
        QVERIFY(chart.readoutAt(QPointF(-5, -5)).isEmpty());
    }

    void legendToggleHidesASeries() {
        SeriesStore store;
        LiveChart chart(store);
        chart.addMetricPrefix("lag/");
        chart.show();
        fill(store, {"r", "lag/t:0"}, 10);
        fill(store, {"r", "lag/t:1"}, 10, 100);
        chart.refresh();
        QCOMPARE(chart.seriesCount(), 2);
        QCOMPARE(chart.seriesName(1), QString("t:1 · r"));
        chart.setSeriesVisible(1, false);
        QVERIFY(!chart.isSeriesVisible(1));
        QVERIFY(chart.plot()->yAxis->range().upper < 100); // refit to what is shown
        QVERIFY(!chart.visibleCsv().contains("t:1"));
    }

    void zeroBasedChartKeepsAFlatZeroOnTheFloor() {
        SeriesStore store;
        LiveChart chart(store);
        chart.addMetric("dead", "dead");
        chart.setZeroBased(true);
        chart.resize(600, 400);
        chart.show();
        auto series = store.series({"r", "dead"});
        for (int i = 0; i < 20; ++i)
            series->append({double(i), 1.7e9 + i, 0.0});
        chart.refresh();
        const QCPRange y = chart.plot()->yAxis->range();
        QCOMPARE(y.lower, 0.0);
        QVERIFY(y.upper >= 1.0);
        fill(store, {"r", "dead"}, 10, 50); // growing counts keep the floor at 0
        chart.refresh();
        QCOMPARE(chart.plot()->yAxis->range().lower, 0.0);
        QVERIFY(chart.plot()->yAxis->range().upper >= 50 * 29);
    }

    void legendStaysOutsideThePlotArea() {
        SeriesStore store;
        LiveChart chart(store);
        chart.addMetricPrefix("lag/");
        chart.resize(600, 400);
        chart.show();
        for (int p = 0; p < 4; ++p)
            fill(store, {"r", "lag/t:" + std::to_string(p)}, 10);
        chart.refresh();
        chart.plot()->replot();
        const QRect legend = chart.plot()->legend->outerRect();
        const QRect area = chart.plot()->axisRect()->rect();
        QVERIFY(legend.height() > 0);
        QVERIFY2(!legend.intersects(area), "the legend covers the plotted lines");
        QVERIFY(legend.bottom() <= area.top());
    }
};

QTEST_MAIN(TestLiveChart)
#include "test_live_chart.moc"
