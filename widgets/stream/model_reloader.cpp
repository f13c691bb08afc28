#include "stream/model_reloader.hpp"

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
            std::int64_t noticeMs = 0;
            try {
                noticeMs = store::CheckpointNotice::from_json(payload).ts_ms;
            } catch (const store::RedisError&) {
                // Not our notice format; still a hint that something changed.
            }
            load(noticeMs);
        },
        [this](store::RedisLinkState state, const std::string& detail) {
            if (state == store::RedisLinkState::kConnected) {
                // Whatever dropped the subscription dropped the command connection too, though
                // hiredis cannot tell before it is used: the first load would fail on it.
                connection_.reset();
                emit linkChanged(Component::Redis, LinkState::Up,
                                 tr("subscribed to model updates"));
                load(0);
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

void ModelReloader::load(std::int64_t noticeMs) {
    try {
        if (!connection_ || !connection_->connected()) {
            connection_.reset();
            connection_ = std::make_unique<store::RedisConnection>(url_);
        }
        store::CheckpointStore checkpoints(*connection_, modelKey_);
        const std::optional<store::Checkpoint> checkpoint = checkpoints.load();
        if (!checkpoint || checkpoint->version == loadedVersion_) return;
        online::SavedModel saved = online::deserialize_model(checkpoint->model_bytes);
        widgets::LoadedModel model;
        model.classifier = std::make_shared<const online::SgdClassifier>(std::move(saved.model));
        model.origin = widgets::ModelOrigin::Stream;
        model.streamKey = QString::fromStdString(modelKey_);
        model.streamVersion = checkpoint->version;
        model.loadedAt = QDateTime::currentDateTime();
        model.metadata = std::move(saved.metadata);
        model.metadata["model_version"] = std::to_string(checkpoint->version);
        loadedVersion_ = checkpoint->version;
        emit modelLoaded(model, checkpoint->version,
                         noticeMs > 0 ? QDateTime::fromMSecsSinceEpoch(noticeMs) : QDateTime());
    } catch (const std::exception& error) {
        connection_.reset();
        emit linkChanged(Component::Redis, LinkState::Lost,
                         tr("could not load the model: %1").arg(QString::fromUtf8(error.what())));
    }
}

} // namespace liveml::streamui
