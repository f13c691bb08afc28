#include "model_loader.hpp"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>

#include "digits/default_model.hpp"
#include "digits/digits_dataset.hpp"
#include "online/model_file.hpp"

namespace liveml::widgets {

namespace {

constexpr auto kCacheName = "default-model.livemlm";
// Written into the cache's metadata; a cache without this exact value (an older studio's,
// or someone else's file) is retrained rather than trusted.
constexpr auto kCacheKey = "studio_default_model";
constexpr auto kCacheVersion = "1";
constexpr std::size_t kDrawingFeatures = 64;

LoadedModel makeLoaded(online::SavedModel saved, ModelOrigin origin, const QString& path) {
    LoadedModel loaded;
    loaded.classifier = std::make_shared<const online::SgdClassifier>(std::move(saved.model));
    loaded.origin = origin;
    loaded.path = path;
    loaded.loadedAt = QDateTime::currentDateTime();
    loaded.metadata = std::move(saved.metadata);
    return loaded;
}

} // namespace

QString ModelLoader::unusableReason(const online::SgdClassifier& model) {
    if (model.n_features() != kDrawingFeatures)
        return tr("the model expects %1 features, but drawings give %2")
            .arg(model.n_features())
            .arg(kDrawingFeatures);
    if (model.params().loss != online::Loss::Log)
        return tr("the model was trained with hinge loss and gives no probabilities; "
                  "train it with loss 'log'");
    return {};
}

ModelLoader::ModelLoader(QObject* parent)
    : ModelLoader(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation), parent) {}

ModelLoader::ModelLoader(const QString& cacheDir, QObject* parent)
    : QObject(parent), cacheDir_(cacheDir) {
    connect(&watcher_, &QFutureWatcherBase::finished, this, &ModelLoader::defaultFinished);
}

ModelLoader::~ModelLoader() {
    watcher_.waitForFinished();
}

QString ModelLoader::cacheFile() const {
    return QDir(cacheDir_).filePath(kCacheName);
}

void ModelLoader::loadDefault() {
    if (isBusy()) return;
    watcher_.setFuture(QtConcurrent::run(&ModelLoader::provideDefault, cacheFile()));
}

void ModelLoader::defaultFinished() {
    const DefaultOutcome outcome = watcher_.result();
    if (!outcome.notice.isEmpty()) emit notice(outcome.notice);
    if (outcome.model)
        emit defaultModelReady(*outcome.model);
    else
        emit defaultModelFailed(outcome.error);
}

ModelLoader::DefaultOutcome ModelLoader::provideDefault(const QString& cachePath) {
    DefaultOutcome outcome;
    if (QFileInfo::exists(cachePath)) {
        try {
            online::SavedModel saved = online::load_model_file(cachePath.toStdString());
            const auto marker = saved.metadata.find(kCacheKey);
            QString problem = unusableReason(saved.model);
            if (problem.isEmpty() &&
                (marker == saved.metadata.end() || marker->second != kCacheVersion))
                problem = tr("it was written by a different version of the studio");
            if (problem.isEmpty()) {
                outcome.model = makeLoaded(std::move(saved), ModelOrigin::CachedDefault, cachePath);
                return outcome;
            }
            outcome.notice =
                tr("The cached default model is not usable (%1); retrained it.").arg(problem);
        } catch (const online::ModelFormatError& e) {
            outcome.notice = tr("The cached default model is damaged (%1); retrained it.")
                                 .arg(QString::fromStdString(e.what()));
        }
    }
    try {
        online::SavedModel trained{
            digits::train_default_model(digits::load_digits_csv(digits::bundled_digits_path())),
            {{kCacheKey, kCacheVersion},
             {"source", "bundled digits (UCI optdigits test set)"},
             {"trained_at", QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString()}}};
        try {
            QDir().mkpath(QFileInfo(cachePath).absolutePath());
            online::save_model_file(cachePath.toStdString(), trained.model, trained.metadata);
        } catch (const std::exception& e) {
            // Still usable for this session; it is just trained again next time.
            outcome.notice =
                tr("Could not cache the default model: %1").arg(QString::fromStdString(e.what()));
        }
        outcome.model = makeLoaded(std::move(trained), ModelOrigin::TrainedDefault, {});
    } catch (const std::exception& e) {
        outcome.error =
            tr("Could not train the default model: %1").arg(QString::fromStdString(e.what()));
    }
    return outcome;
}

ModelLoader::FileResult ModelLoader::loadFile(const QString& path) {
    FileResult result;
    try {
        online::SavedModel saved = online::load_model_file(path.toStdString());
        if (const QString problem = unusableReason(saved.model); !problem.isEmpty()) {
            result.error =
                tr("%1 cannot be used here: %2.").arg(QDir::toNativeSeparators(path), problem);
            return result;
        }
        result.model = makeLoaded(std::move(saved), ModelOrigin::File, path);
    } catch (const std::exception& e) {
        // ModelFormatError names the defect; other exceptions are I/O failures.
        result.error = tr("%1 is not a valid model file: %2")
                           .arg(QDir::toNativeSeparators(path), QString::fromStdString(e.what()));
    }
    return result;
}

} // namespace liveml::widgets
