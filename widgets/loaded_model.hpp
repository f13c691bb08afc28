#pragma once
#include <QDateTime>
#include <QMetaType>
#include <QString>

#include <map>
#include <memory>
#include <string>

#include "online/online_classifier.hpp"

namespace liveml::widgets {

// The models the studio trains itself (ModelLoader).
enum class BuiltInModel {
    CanvasPreset, // `liveml fit --preset canvas`: the Draw page's default answer
    DigitsSgd,    // the original pipeline's SGD (exact to scikit-learn) on the bundled digits
};

// Where the answering model came from; the UI words it (and re-words it on a language change).
enum class ModelOrigin {
    TrainedDefault, // a built-in model, trained in this session
    CachedDefault,  // a built-in model, read back from the cache of an earlier start
    File,           // opened by the user
    Stream,         // a trainer's checkpoint in Redis (streamKey, streamVersion)
};

// An immutable model as the studio holds it: shared between the GUI and the prediction
// worker, replaced as a whole, never modified in place.
struct LoadedModel {
    // Any learner that gives probabilities (ModelLoader::unusableReason).
    std::shared_ptr<const online::OnlineClassifier> classifier;
    ModelOrigin origin = ModelOrigin::TrainedDefault;
    BuiltInModel builtIn = BuiltInModel::CanvasPreset; // for TrainedDefault and CachedDefault
    QString path; // the file it was read from; empty when trained in memory
    // For ModelOrigin::Stream: the Redis key the checkpoint was read from and its version.
    QString streamKey;
    qint64 streamVersion = 0;
    // For ModelOrigin::Stream: when the trainer wrote the checkpoint (invalid if unknown). The
    // model's age is counted from here, by every view that shows it.
    QDateTime checkpointedAt;
    QDateTime loadedAt;
    std::map<std::string, std::string> metadata;
};

} // namespace liveml::widgets

Q_DECLARE_METATYPE(liveml::widgets::LoadedModel)
