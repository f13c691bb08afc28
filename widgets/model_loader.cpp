#include "model_loader.hpp"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>

#include "digits/canvas_preset.hpp"
#include "digits/default_model.hpp"
#include "digits/digits_dataset.hpp"
#include "online/model_file.hpp"

namespace liveml::widgets {

namespace {

// Written into each cache's metadata; a cache without this exact value (an older studio's,
// or someone else's file) is retrained rather than trusted.
constexpr auto kCacheKey = "studio_default_model";
constexpr std::size_t kDrawingFeatures = 64;

struct Recipe {
    const char* cacheName;
    const char* cacheVersion;
    const char* source;
};

Recipe recipe(BuiltInModel which) {
    switch (which) {
    case BuiltInModel::CanvasPreset:
        return {"canvas-preset.livemlm", "2",
                "canvas preset: bundled digits, distorted, and handwriting-font renders"};
    case BuiltInModel::DigitsSgd:
        break;
    }
    return {"default-model.livemlm", "1", "bundled digits (UCI optdigits test set)"};
}

std::unique_ptr<online::OnlineClassifier> train(BuiltInModel which) {
    const auto digits = digits::load_digits_csv(digits::bundled_digits_path());
    if (which == BuiltInModel::CanvasPreset)
        return digits::train_canvas_model(
            digits, digits::load_digits_csv(digits::bundled_font_digits_path()));
    return std::make_unique<online::SgdClassifier>(digits::train_default_model(digits));
}

LoadedModel makeLoaded(online::SavedLearner saved, BuiltInModel which, ModelOrigin origin,
                       const QString& path) {
    LoadedModel loaded;
    loaded.classifier = std::shared_ptr<const online::OnlineClassifier>(std::move(saved.model));
    loaded.origin = origin;
    loaded.builtIn = which;
    loaded.path = path;
    loaded.loadedAt = QDateTime::currentDateTime();
    loaded.metadata = std::move(saved.metadata);
    return loaded;
}

QString fromView(std::string_view text) {
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

} // namespace

QString ModelLoader::unusableReason(const online::OnlineClassifier& model) {
    if (model.n_features() != kDrawingFeatures)
        return tr("the model expects %1 features, but drawings give %2")
            .arg(model.n_features())
            .arg(kDrawingFeatures);
    if (!model.has_proba())
        return tr("its learner (%1) gives no probabilities; train one that does, such as "
                  "sgd_classifier with loss 'log', softmax_regression or mlp")
            .arg(fromView(model.kind()));
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

QString ModelLoader::cacheFile(BuiltInModel which) const {
    return QDir(cacheDir_).filePath(QString::fromLatin1(recipe(which).cacheName));
}

void ModelLoader::loadDefault() {
    if (isBusy()) return;
    watcher_.setFuture(QtConcurrent::run(&ModelLoader::provideBuiltIns,
                                         cacheFile(BuiltInModel::CanvasPreset),
                                         cacheFile(BuiltInModel::DigitsSgd)));
}

void ModelLoader::defaultFinished() {
    const DefaultOutcome outcome = watcher_.result();
    for (const Provided* provided : {&outcome.canvas, &outcome.sgd})
        if (!provided->notice.isEmpty()) emit notice(provided->notice);
    if (outcome.canvas.model)
        emit defaultModelReady(*outcome.canvas.model);
    else
        emit defaultModelFailed(outcome.canvas.error);
    if (outcome.sgd.model) emit builtInModelReady(*outcome.sgd.model);
}

ModelLoader::DefaultOutcome ModelLoader::provideBuiltIns(const QString& canvasCache,
                                                         const QString& sgdCache) {
    return {provide(BuiltInModel::CanvasPreset, canvasCache),
            provide(BuiltInModel::DigitsSgd, sgdCache)};
}

ModelLoader::Provided ModelLoader::provide(BuiltInModel which, const QString& cachePath) {
    const Recipe r = recipe(which);
    Provided outcome;
    if (QFileInfo::exists(cachePath)) {
        try {
            online::SavedLearner saved = online::load_learner_file(cachePath.toStdString());
            const auto marker = saved.metadata.find(kCacheKey);
            QString problem = unusableReason(*saved.model);
            if (problem.isEmpty() &&
                (marker == saved.metadata.end() || marker->second != r.cacheVersion))
                problem = tr("it was written by a different version of the studio");
            if (problem.isEmpty()) {
                outcome.model =
                    makeLoaded(std::move(saved), which, ModelOrigin::CachedDefault, cachePath);
                return outcome;
            }
            outcome.notice = tr("The cached model %1 is not usable (%2); retrained it.")
                                 .arg(QDir::toNativeSeparators(cachePath), problem);
        } catch (const online::ModelFormatError& e) {
            outcome.notice =
                tr("The cached model %1 is damaged (%2); retrained it.")
                    .arg(QDir::toNativeSeparators(cachePath), QString::fromStdString(e.what()));
        }
    }
    try {
        online::SavedLearner trained{
            train(which),
            {{kCacheKey, r.cacheVersion},
             {"source", r.source},
             {"trained_at", QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString()}}};
        try {
            QDir().mkpath(QFileInfo(cachePath).absolutePath());
            online::save_model_file(cachePath.toStdString(), *trained.model, trained.metadata);
        } catch (const std::exception& e) {
            // Still usable for this session; it is just trained again next time.
            outcome.notice =
                tr("Could not cache a built-in model: %1").arg(QString::fromStdString(e.what()));
        }
        outcome.model = makeLoaded(std::move(trained), which, ModelOrigin::TrainedDefault, {});
    } catch (const std::exception& e) {
        outcome.error =
            tr("Could not train the default model: %1").arg(QString::fromStdString(e.what()));
    }
    return outcome;
}

ModelLoader::FileResult ModelLoader::loadFile(const QString& path) {
    FileResult result;
    try {
        online::SavedLearner saved = online::load_learner_file(path.toStdString());
        if (const QString problem = unusableReason(*saved.model); !problem.isEmpty()) {
            result.error =
                tr("%1 cannot be used here: %2.").arg(QDir::toNativeSeparators(path), problem);
            return result;
        }
        result.model =
            makeLoaded(std::move(saved), BuiltInModel::CanvasPreset, ModelOrigin::File, path);
    } catch (const std::exception& e) {
        // ModelFormatError names the defect; other exceptions are I/O failures.
        result.error = tr("%1 is not a valid model file: %2")
                           .arg(QDir::toNativeSeparators(path), QString::fromStdString(e.what()));
    }
    return result;
}

} // namespace liveml::widgets
