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

    void rendersAtItsSizeHint() {
        ProbabilityChart chart;
        chart.setProbabilities({0, 1, 2}, {0.2, 0.5, 0.3});
        chart.resize(chart.sizeHint());
        const QImage image = chart.grab().toImage();
        QCOMPARE(image.size(), chart.sizeHint());
    }
};

QTEST_MAIN(TestProbabilityChart)
#include "test_probability_chart.moc"
