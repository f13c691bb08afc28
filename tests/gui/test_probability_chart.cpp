#include <QTest>

#include <numeric>

#include "probability_chart.hpp"

using liveml::widgets::ProbabilityChart;

class TestProbabilityChart : public QObject {
    Q_OBJECT
  private slots:
    void startsEmptyWithTenClasses() {
        ProbabilityChart chart;
        QCOMPARE(chart.classes().size(), std::size_t(10));
        QCOMPARE(chart.values(), QList<double>(10, 0.0));
        QCOMPARE(chart.highlightedClass(), -1);
    }

    void showsProbabilitiesAndHighlightsTheWinner() {
        ProbabilityChart chart;
        const std::vector<int> classes{0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        const std::vector<double> p{0.01, 0.02, 0.05, 0.6, 0.02, 0.1, 0.05, 0.05, 0.05, 0.05};
        chart.setProbabilities(classes, p);
        QCOMPARE(chart.values(), QList<double>(p.begin(), p.end()));
        QCOMPARE(chart.highlightedClass(), 3);
        const QList<double> v = chart.values();
        QVERIFY(qAbs(std::accumulate(v.begin(), v.end(), 0.0) - 1.0) < 1e-12);
    }

    void clearEmptiesTheBars() {
        ProbabilityChart chart;
        chart.setProbabilities({0, 1}, {0.3, 0.7});
        QCOMPARE(chart.highlightedClass(), 1);
        chart.clear();
        QCOMPARE(chart.values(), QList<double>(2, 0.0));
        QCOMPARE(chart.highlightedClass(), -1);
    }

    void mismatchedInputClearsInsteadOfCrashing() {
        ProbabilityChart chart;
        chart.setProbabilities({0, 1, 2}, {0.5, 0.5});
        QCOMPARE(chart.highlightedClass(), -1);
        QCOMPARE(chart.values(), QList<double>(10, 0.0));
    }

    // The bars are drawn: the chart with probabilities differs from the cleared chart in
    // thousands of pixels (a check of the image's size alone passed for a blank one).
    void rendersTheBarsAtItsSizeHint() {
        ProbabilityChart chart;
        chart.resize(chart.sizeHint());
        chart.setProbabilities({0, 1, 2}, {0.2, 0.5, 0.3});
        QCoreApplication::processEvents(); // the chart replots on the next turn of the loop
        const QImage bars = chart.grab().toImage();
        chart.clear();
        QCoreApplication::processEvents();
        const QImage empty = chart.grab().toImage();
        QCOMPARE(bars.size(), chart.sizeHint());
        QCOMPARE(empty.size(), bars.size());
        int changed = 0;
        for (int y = 0; y < bars.height(); ++y)
            for (int x = 0; x < bars.width(); ++x)
                changed += bars.pixel(x, y) != empty.pixel(x, y);
        QVERIFY2(changed > 1000, qPrintable(QString::number(changed)));
    }
};

QTEST_MAIN(TestProbabilityChart)
#include "test_probability_chart.moc"
