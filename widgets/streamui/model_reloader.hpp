#pragma once
#include <QDateTime>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>
#include <string>

#include "loaded_model.hpp"
#include "store/checkpoint_store.hpp"
#include "store/redis_url.hpp"
#include "streamui/link_state.hpp"

namespace liveml::store {
class RedisSubscriber;
}

namespace liveml::streamui {

// Keeps the canvas on the trainer's newest model without polling: listens on `K:updates`, and
// on each notice (and whenever the subscription comes back, since notices sent meanwhile are
// lost) reads the checkpoint and announces the model. Loading happens on the subscriber's
// thread; modelLoaded is delivered queued. A failed load keeps the last good model.
class ModelReloader : public QObject {
    Q_OBJECT
  public:
    ModelReloader(store::RedisUrl url, std::string modelKey, QObject* parent = nullptr);
    ~ModelReloader() override;

    void start();
    void stop();

  signals:
    // version: the checkpoint's; checkpointedAt: when the trainer wrote it (invalid if unknown),
    // as in model.checkpointedAt.
    void modelLoaded(const liveml::widgets::LoadedModel& model, qint64 version,
                     const QDateTime& checkpointedAt);
    void linkChanged(liveml::streamui::Component component, liveml::streamui::LinkState state,
                     const QString& message);

  private:
    // Subscriber thread. notice: the one that triggered this load (none on (re)connect).
    void load(const std::optional<store::CheckpointNotice>& notice);

    store::RedisUrl url_;
    std::string modelKey_;
    std::unique_ptr<store::RedisConnection> connection_; // used by the subscriber thread only
    std::unique_ptr<store::RedisSubscriber> subscriber_;
    std::int64_t loadedVersion_ = 0;
    std::size_t loadedHash_ = 0; // of the loaded model's bytes
};

} // namespace liveml::streamui
