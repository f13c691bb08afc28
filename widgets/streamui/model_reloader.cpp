#include "streamui/model_reloader.hpp"

#include <functional>
#include <stdexcept>

#include "model_loader.hpp"
#include "online/model_file.hpp"
#include "store/checkpoint_store.hpp"
#include "store/redis_error.hpp"
#include "store/redis_subscriber.hpp"

namespace liveml::streamui {

ModelReloader::ModelReloader(store::RedisUrl url, std::string modelKey, QObject* parent)
    : QObject(parent), url_(std::move(url)), modelKey_(std::move(modelKey)) {}

ModelReloader::~ModelReloader() {
    stop();
}

void ModelReloader::start() {
    if (subscriber_) return;
    const std::string channel = modelKey_ + ":updates";
    subscriber_ = std::make_unique<store::RedisSubscriber>(
        url_, channel,
        [this](const std::string& payload) {
            std::optional<store::CheckpointNotice> notice;
            try {
                notice = store::CheckpointNotice::from_json(payload);
            } catch (const store::RedisError&) {
                // Not our notice format; still a hint that something changed.
            }
            load(notice);
        },
        [this](store::RedisLinkState state, const std::string& detail) {
            if (state == store::RedisLinkState::kConnected) {
                // Whatever dropped the subscription dropped the command connection too, though
                // hiredis cannot tell before it is used: the first load would fail on it.
                connection_.reset();
                emit linkChanged(Component::Redis, LinkState::Up,
                                 tr("subscribed to model updates"));
                load(std::nullopt);
            } else if (state == store::RedisLinkState::kLost) {
                emit linkChanged(Component::Redis, LinkState::Lost, QString::fromStdString(detail));
            }
        });
}

void ModelReloader::stop() {
    if (subscriber_) subscriber_->stop();
    subscriber_.reset();
    connection_.reset();
}

namespace {
// When the checkpoint was written: the notice's time is exact (ms) but only for the version it
// announces; a burst of checkpoints can deliver version N's notice after N+1 was stored, and
// pairing them would make the model look older than it is. The checkpoint's own "trained_at"
// (whole seconds, written by the trainer with the model) always belongs to the bytes read.
QDateTime checkpointTime(const std::optional<store::CheckpointNotice>& notice, std::int64_t version,
                         const std::map<std::string, std::string>& metadata) {
    if (notice && notice->version == version && notice->ts_ms > 0)
        return QDateTime::fromMSecsSinceEpoch(notice->ts_ms);
    if (const auto it = metadata.find("trained_at"); it != metadata.end())
        return QDateTime::fromString(QString::fromStdString(it->second), Qt::ISODate);
    return {};
}
} // namespace

void ModelReloader::load(const std::optional<store::CheckpointNotice>& notice) {
    try {
        if (!connection_ || !connection_->connected()) {
            connection_.reset();
            connection_ = std::make_unique<store::RedisConnection>(url_);
        }
        store::CheckpointStore checkpoints(*connection_, modelKey_);
        const std::optional<store::Checkpoint> checkpoint = checkpoints.load();
        if (!checkpoint) return;
        // After "Reset model" versions start again at 1: the same number can name new bytes.
        const std::size_t bytesHash = std::hash<std::string>{}(checkpoint->model_bytes);
        if (checkpoint->version == loadedVersion_ && bytesHash == loadedHash_) return;
        online::SavedLearner saved = online::deserialize_learner(checkpoint->model_bytes);
        if (const QString problem = widgets::ModelLoader::unusableReason(*saved.model);
            !problem.isEmpty())
            throw std::runtime_error(problem.toStdString());
        widgets::LoadedModel model;
        model.classifier = std::shared_ptr<const online::OnlineClassifier>(std::move(saved.model));
        model.origin = widgets::ModelOrigin::Stream;
        model.streamKey = QString::fromStdString(modelKey_);
        model.streamVersion = checkpoint->version;
        model.checkpointedAt = checkpointTime(notice, checkpoint->version, saved.metadata);
        model.loadedAt = QDateTime::currentDateTime();
        model.metadata = std::move(saved.metadata);
        model.metadata["model_version"] = std::to_string(checkpoint->version);
        loadedVersion_ = checkpoint->version;
        loadedHash_ = bytesHash;
        emit modelLoaded(model, checkpoint->version, model.checkpointedAt);
    } catch (const std::exception& error) {
        connection_.reset();
        emit linkChanged(Component::Redis, LinkState::Lost,
                         tr("could not load the model: %1").arg(QString::fromUtf8(error.what())));
    }
}

} // namespace liveml::streamui
