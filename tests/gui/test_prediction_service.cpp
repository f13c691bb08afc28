#include <QSignalSpy>
#include <QTest>

#include <numeric>

#include "demo_digits.hpp"
#include "gui_test_support.hpp"
#include "online/sgd_classifier.hpp"
#include "prediction_service.hpp"
#include "stroke_painter.hpp"

using liveml::widgets::Prediction;
using liveml::widgets::PredictionService;

namespace {
QImage drawnDigit(int digit) {
    return liveml::widgets::renderGrayImage(liveml::widgets::demoDigit(digit), 256);
}
constexpr int kWaitMs = 10000;
} // namespace

class TestPredictionService : public QObject {
    Q_OBJECT
  private slots:
    void predictsADrawnDigit() {
        PredictionService service;
        service.setModel(liveml::guitest::defaultModel());
        QSignalSpy spy(&service, &PredictionService::predictionReady);
        service.submit(drawnDigit(7));
        QTRY_VERIFY_WITH_TIMEOUT(spy.count() == 1, kWaitMs);
        const auto p = spy.at(0).at(0).value<Prediction>();
        QVERIFY(p.hasResult());
        QVERIFY(!p.features.empty);
        QCOMPARE(p.probabilities.size(), std::size_t(10));
        const double sum = std::accumulate(p.probabilities.begin(), p.probabilities.end(), 0.0);
        QVERIFY(qAbs(sum - 1.0) < 1e-9);
        QCOMPARE(p.confidence, *std::max_element(p.probabilities.begin(), p.probabilities.end()));
        QCOMPARE(p.label, 7);
    }

    void blankImageGivesNoResult() {
        PredictionService service;
        service.setModel(liveml::guitest::defaultModel());
        QSignalSpy spy(&service, &PredictionService::predictionReady);
        QImage blank(256, 256, QImage::Format_Grayscale8);
        blank.fill(Qt::white);
        service.submit(blank);
        QTRY_VERIFY_WITH_TIMEOUT(spy.count() == 1, kWaitMs);
        const auto p = spy.at(0).at(0).value<Prediction>();
        QVERIFY(p.features.empty);
        QVERIFY(!p.hasResult());
    }

    void withoutAModelOnlyFeaturesComeBack() {
        PredictionService service;
        QSignalSpy spy(&service, &PredictionService::predictionReady);
        service.submit(drawnDigit(1));
        QTRY_VERIFY_WITH_TIMEOUT(spy.count() == 1, kWaitMs);
        const auto p = spy.at(0).at(0).value<Prediction>();
        QVERIFY(!p.features.empty);
        QVERIFY(!p.hasResult());
    }

    void burstsCoalesceAndTheNewestImageWins() {
        PredictionService service;
        service.setModel(liveml::guitest::defaultModel());
        QSignalSpy spy(&service, &PredictionService::predictionReady);
        constexpr int kBurst = 200;
        const QImage one = drawnDigit(1), zero = drawnDigit(0);
        for (int i = 0; i < kBurst; ++i)
            service.submit(i == kBurst - 1 ? zero : one);
        QTRY_VERIFY_WITH_TIMEOUT(
            service.isIdle() && spy.count() == qsizetype(service.processedCount()), kWaitMs);
        QVERIFY(service.processedCount() <= quint64(kBurst));
        const auto last = spy.last().at(0).value<Prediction>();
        QCOMPARE(last.sequence, quint64(kBurst));
        QCOMPARE(last.label, 0);
        // Results arrive in submission order.
        for (qsizetype i = 1; i < spy.count(); ++i)
            QVERIFY(spy.at(i).at(0).value<Prediction>().sequence >
                    spy.at(i - 1).at(0).value<Prediction>().sequence);
    }

    void swappingTheModelRepredictsTheLastImage() {
        PredictionService service;
        QSignalSpy spy(&service, &PredictionService::predictionReady);
        QSignalSpy changed(&service, &PredictionService::modelChanged);
        service.submit(drawnDigit(3));
        QTRY_VERIFY_WITH_TIMEOUT(spy.count() == 1, kWaitMs);
        QVERIFY(!spy.at(0).at(0).value<Prediction>().hasResult());

        service.setModel(liveml::guitest::defaultModel());
        QCOMPARE(changed.count(), 1);
        QCOMPARE(service.model()->classifier, liveml::guitest::defaultModel().classifier);
        QTRY_VERIFY_WITH_TIMEOUT(spy.count() == 2, kWaitMs);
        QVERIFY(spy.at(1).at(0).value<Prediction>().hasResult());
    }

    void hingeModelsReportAnErrorInsteadOfCrashing() {
        liveml::online::SgdClassifier hinge(
            {liveml::online::Loss::Hinge, liveml::online::Penalty::L2, 0.01}, {0, 1}, 64);
        liveml::widgets::LoadedModel model;
        model.classifier = std::make_shared<const liveml::online::SgdClassifier>(hinge);
        PredictionService service;
        service.setModel(model);
        QSignalSpy spy(&service, &PredictionService::predictionReady);
        service.submit(drawnDigit(5));
        QTRY_VERIFY_WITH_TIMEOUT(spy.count() == 1, kWaitMs);
        const auto p = spy.at(0).at(0).value<Prediction>();
        QVERIFY(!p.hasResult());
        QVERIFY(!p.error.isEmpty());
    }
};

QTEST_MAIN(TestPredictionService)
#include "test_prediction_service.moc"
