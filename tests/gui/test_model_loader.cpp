#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "gui_test_support.hpp"
#include "model_loader.hpp"
#include "online/model_file.hpp"

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
        const LoadedModel model = loadDefault(loader);
        QCOMPARE(model.origin, ModelOrigin::TrainedDefault);
        QVERIFY(model.classifier->samples_seen() >= 1797u);
        QCOMPARE(model.classifier->n_features(), std::size_t(64));
        QVERIFY(QFile::exists(loader.cacheFile()));
    }

    void readsTheCacheNextTime() {
        QTemporaryDir dir;
        ModelLoader first(dir.path());
        const LoadedModel trained = loadDefault(first);
        ModelLoader second(dir.path());
        const LoadedModel cached = loadDefault(second);
        QCOMPARE(cached.origin, ModelOrigin::CachedDefault);
        QCOMPARE(cached.classifier->samples_seen(), trained.classifier->samples_seen());
        const auto a = trained.classifier->coef(3), b = cached.classifier->coef(3);
        QVERIFY(std::equal(a.begin(), a.end(), b.begin(), b.end()));
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
        QVERIFY(
            liveml::online::load_model_file(loader.cacheFile().toStdString()).model.n_features() ==
            64);
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
