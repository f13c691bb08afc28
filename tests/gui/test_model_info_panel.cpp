#include <QTest>

#include "gui_test_support.hpp"
#include "model_info_panel.hpp"
#include "online/sgd_classifier.hpp"

using liveml::widgets::LoadedModel;
using liveml::widgets::ModelInfoPanel;
using liveml::widgets::ModelOrigin;

namespace {
LoadedModel smallModel(ModelOrigin origin, const QString& path = {}) {
    liveml::online::SgdClassifier clf(
        {liveml::online::Loss::Log, liveml::online::Penalty::L2, 0.001}, {0, 1, 2}, 64);
    std::vector<double> x(64, 1.0);
    for (int i = 0; i < 5; ++i)
        clf.partial_fit(x, i % 3);
    LoadedModel m;
    m.classifier = std::make_shared<const liveml::online::SgdClassifier>(clf);
    m.origin = origin;
    m.path = path;
    m.loadedAt = QDateTime::currentDateTime();
    return m;
}
} // namespace

class TestModelInfoPanel : public QObject {
    Q_OBJECT
  private slots:
    void describesTheModel() {
        ModelInfoPanel panel;
        panel.setModel(smallModel(ModelOrigin::File, QStringLiteral("/tmp/some/digits.livemlm")));
        QVERIFY(panel.fieldText(0).contains(QStringLiteral("digits.livemlm")));
        QCOMPARE(panel.fieldText(1), QStringLiteral("5"));
        QVERIFY(panel.fieldText(2).contains(QStringLiteral("log")));
        QVERIFY(panel.fieldText(2).contains(QStringLiteral("l2")));
        QVERIFY(panel.fieldText(2).contains(QStringLiteral("0.001")));
        QCOMPARE(panel.fieldText(3), QStringLiteral("0 1 2"));
        QVERIFY(!panel.fieldText(4).isEmpty());
    }

    void originsAreWordedDifferently() {
        const QString trained = ModelInfoPanel::sourceText(smallModel(ModelOrigin::TrainedDefault));
        const QString cached = ModelInfoPanel::sourceText(smallModel(ModelOrigin::CachedDefault));
        QVERIFY(!trained.isEmpty());
        QVERIFY(trained != cached);
    }

    void streamModelNamesKeyAndVersion() {
        LoadedModel model = smallModel(ModelOrigin::Stream);
        model.streamKey = QStringLiteral("online_ml_model");
        model.streamVersion = 42;
        ModelInfoPanel panel;
        panel.setModel(model);
        const QString source = panel.fieldText(0);
        QVERIFY2(source.contains(QStringLiteral("online_ml_model")), qPrintable(source));
        QVERIFY2(source.contains(QStringLiteral("42")), qPrintable(source));
        QVERIFY2(!source.contains(QStringLiteral("File")), qPrintable(source));
        QCOMPARE(ModelInfoPanel::sourceText(model), source);
    }

    void loadingAndFailureStates() {
        ModelInfoPanel panel;
        panel.showLoading();
        QVERIFY(!panel.fieldText(0).isEmpty());
        QCOMPARE(panel.fieldText(1), QString());
        panel.showFailure(QStringLiteral("disk on fire"));
        QVERIFY(panel.fieldText(0).contains(QStringLiteral("disk on fire")));
    }
};

QTEST_MAIN(TestModelInfoPanel)
#include "test_model_info_panel.moc"
