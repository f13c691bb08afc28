#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "gui_test_support.hpp"
#include "model_loader.hpp"
#include "online/learner_registry.hpp"
#include "online/model_file.hpp"

using liveml::widgets::BuiltInModel;
using liveml::widgets::LoadedModel;
using liveml::widgets::ModelLoader;
using liveml::widgets::ModelOrigin;

namespace {
constexpr int kTrainMs = 60000;

// Runs loadDefault() to its end and returns the model (or fails the test).
LoadedModel loadDefault(ModelLoader& loader) {
    QSignalSpy ready(&loader, &ModelLoader::defaultModelReady);
    QSignalSpy failed(&loader, &ModelLoader::defaultModelFailed);
    loader.loadDefault();
    if (!QTest::qWaitFor([&] { return ready.count() + failed.count() > 0; }, kTrainMs))
        qFatal("default model did not arrive");
    if (ready.isEmpty())
        qFatal("default model failed: %s", qPrintable(failed.at(0).at(0).toString()));
    return ready.at(0).at(0).value<LoadedModel>();
}
} // namespace

class TestModelLoader : public QObject {
    Q_OBJECT
  private slots:
    void trainsAtFirstStartAndCaches() {
        QTemporaryDir dir;
        ModelLoader loader(dir.path());
        QVERIFY(!QFile::exists(loader.cacheFile()));
        QSignalSpy builtIn(&loader, &ModelLoader::builtInModelReady);
        const LoadedModel model = loadDefault(loader);
        // The default answer is the canvas preset; the SGD model comes beside it.
        QCOMPARE(model.origin, ModelOrigin::TrainedDefault);
        QCOMPARE(model.builtIn, BuiltInModel::CanvasPreset);
        QCOMPARE(model.classifier->kind(), std::string_view("mlp"));
        QVERIFY(model.classifier->samples_seen() >= 1797u);
        QCOMPARE(model.classifier->n_features(), std::size_t(64));
        QVERIFY(QFile::exists(loader.cacheFile()));
        QCOMPARE(builtIn.count(), 1);
        const auto sgd = builtIn.at(0).at(0).value<LoadedModel>();
        QCOMPARE(sgd.builtIn, BuiltInModel::DigitsSgd);
        QCOMPARE(sgd.classifier->kind(), std::string_view("sgd_classifier"));
        QVERIFY(QFile::exists(loader.cacheFile(BuiltInModel::DigitsSgd)));
        QVERIFY(loader.cacheFile(BuiltInModel::DigitsSgd) != loader.cacheFile());
    }

    void readsTheCacheNextTime() {
        QTemporaryDir dir;
        ModelLoader first(dir.path());
        const LoadedModel trained = loadDefault(first);
        ModelLoader second(dir.path());
        const LoadedModel cached = loadDefault(second);
        QCOMPARE(cached.origin, ModelOrigin::CachedDefault);
        QCOMPARE(cached.classifier->samples_seen(), trained.classifier->samples_seen());
        QVERIFY(liveml::online::serialize_model(*cached.classifier) ==
                liveml::online::serialize_model(*trained.classifier));
    }

    void retrainsADamagedCacheAndSaysSo() {
        QTemporaryDir dir;
        ModelLoader loader(dir.path());
        QFile cache(loader.cacheFile());
        QVERIFY(cache.open(QIODevice::WriteOnly));
        cache.write("LIVEMLM\0 truncated", 18);
        cache.close();
        QSignalSpy notices(&loader, &ModelLoader::notice);
        const LoadedModel model = loadDefault(loader);
        QCOMPARE(model.origin, ModelOrigin::TrainedDefault);
        QCOMPARE(notices.count(), 1);
        QVERIFY(!notices.at(0).at(0).toString().isEmpty());
        // The damaged cache was replaced by a good one.
        QCOMPARE(
            liveml::online::load_learner_file(loader.cacheFile().toStdString()).model->n_features(),
            std::size_t(64));
    }

    void retrainsAForeignCache() {
        QTemporaryDir dir;
        ModelLoader loader(dir.path());
        // A valid model file that the studio did not write: no cache marker.
        liveml::online::save_model_file(loader.cacheFile().toStdString(),
                                        *liveml::guitest::defaultModel().classifier);
        QSignalSpy notices(&loader, &ModelLoader::notice);
        QCOMPARE(loadDefault(loader).origin, ModelOrigin::TrainedDefault);
        QCOMPARE(notices.count(), 1);
    }

    void loadFileRejectsCorruptFiles() {
        QTemporaryDir dir;
        const auto result = ModelLoader::loadFile(liveml::guitest::writeCorruptModel(dir.path()));
        QVERIFY(!result.model);
        QVERIFY(result.error.contains(QStringLiteral("corrupt.livemlm")));
    }

    void loadFileRejectsMissingFiles() {
        const auto result = ModelLoader::loadFile(QStringLiteral("/nonexistent/model.livemlm"));
        QVERIFY(!result.model);
        QVERIFY(!result.error.isEmpty());
    }

    void loadFileRejectsModelsThatDoNotFitDrawings() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("wide.livemlm"));
        liveml::online::SgdClassifier wrongShape({}, {0, 1}, 10);
        liveml::online::save_model_file(path.toStdString(), wrongShape);
        const auto result = ModelLoader::loadFile(path);
        QVERIFY(!result.model);
        QVERIFY(result.error.contains(QStringLiteral("64")));
    }

    void loadFileRejectsLearnersWithoutProbabilities() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("perceptron.livemlm"));
        const auto perceptron =
            liveml::online::make_learner("perceptron", {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, 64);
        liveml::online::save_model_file(path.toStdString(), *perceptron);
        const auto result = ModelLoader::loadFile(path);
        QVERIFY(!result.model);
        QVERIFY2(result.error.contains(QStringLiteral("no probabilities")),
                 qPrintable(result.error));
    }

    void loadFileAcceptsAnyLearnerWithProbabilities() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("softmax.livemlm"));
        auto softmax =
            liveml::online::make_learner("softmax_regression", {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, 64);
        std::vector<double> x(64, 1.0);
        softmax->partial_fit(x, 3);
        liveml::online::save_model_file(path.toStdString(), *softmax);
        const auto result = ModelLoader::loadFile(path);
        QVERIFY2(result.model, qPrintable(result.error));
        QCOMPARE(result.model->classifier->kind(), std::string_view("softmax_regression"));
        QCOMPARE(result.model->classifier->samples_seen(), std::uint64_t(1));
    }

    void loadFileAcceptsAGoodModel() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("good.livemlm"));
        liveml::online::save_model_file(
            path.toStdString(), *liveml::guitest::defaultModel().classifier, {{"source", "test"}});
        const auto result = ModelLoader::loadFile(path);
        QVERIFY2(result.model, qPrintable(result.error));
        QCOMPARE(result.model->origin, ModelOrigin::File);
        QCOMPARE(result.model->path, path);
        QCOMPARE(result.model->metadata.at("source"), std::string("test"));
    }
};

QTEST_MAIN(TestModelLoader)
#include "test_model_loader.moc"
