#pragma once
#include <QDateTime>
#include <QMetaType>
#include <QString>

#include <map>
#include <memory>
#include <string>

#include "online/sgd_classifier.hpp"

namespace liveml::widgets {

// Where the answering model came from; the UI words it (and re-words it on a language change).
enum class ModelOrigin {
    TrainedDefault, // trained on the bundled digits in this session
    CachedDefault,  // the default model, read back from the cache of an earlier start
    File,           // opened by the user
    Stream,         // a trainer's checkpoint in Redis (streamKey, streamVersion)
};

// An immutable model as the studio holds it: shared between the GUI and the prediction
// worker, replaced as a whole, never modified in place.
struct LoadedModel {
    std::shared_ptr<const online::SgdClassifier> classifier;
    ModelOrigin origin = ModelOrigin::TrainedDefault;
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
