#include <QTest>

#include "prediction.hpp"
#include "prediction_badge.hpp"

using liveml::widgets::Prediction;
using liveml::widgets::PredictionBadge;

class TestPredictionBadge : public QObject {
    Q_OBJECT
  private slots:
    void showsDigitAndConfidence() {
        PredictionBadge badge;
        Prediction p;
        p.features.empty = false;
        p.classes = {0, 1, 2};
        p.probabilities = {0.1, 0.2, 0.7};
        p.label = 2;
        p.confidence = 0.7;
        badge.showPrediction(p);
        QCOMPARE(badge.state(), PredictionBadge::State::Answer);
        QCOMPARE(badge.digitText(), QStringLiteral("2"));
        QVERIFY2(badge.detailText().contains(QStringLiteral("70.0")),
                 qPrintable(badge.detailText()));
    }

    void blankDrawingShowsNoDigit() {
        PredictionBadge badge;
        badge.showPrediction(Prediction{});
        QCOMPARE(badge.state(), PredictionBadge::State::NoDrawing);
        QVERIFY(!badge.digitText().front().isDigit());
    }

    void inkWithoutModelSaysSo() {
        PredictionBadge badge;
        Prediction p;
        p.features.empty = false;
        badge.showPrediction(p);
        QCOMPARE(badge.state(), PredictionBadge::State::NoModel);
    }

    void modelErrorsAreShown() {
        PredictionBadge badge;
        Prediction p;
        p.error = QStringLiteral("no probabilities for hinge loss");
        badge.showPrediction(p);
        QCOMPARE(badge.state(), PredictionBadge::State::Failed);
        QVERIFY(badge.detailText().contains(p.error));
    }
};

QTEST_MAIN(TestPredictionBadge)
#include "test_prediction_badge.moc"
