#pragma once
#include <QObject>
#include <QProcessEnvironment>
#include <QString>

#include <functional>
#include <optional>

#include "store/redis_url.hpp"
#include "streamui/link_state.hpp"

namespace liveml::streamui {

class ChildProcess;
class PrivateRedisHost;

// Local mode: a whole pipeline on this machine from the `liveml` CLI — `liveml broker`
// (Apache Kafka when installed, else librdkafka's mock cluster; its data under the user's XDG
// data folder so a restarted studio finds its stream again; its address is read from the
// `bootstrap=` line, its start-up progress shown as it comes), a private
// redis-server hosted in-process, `liveml train` against both, and `liveml produce --rate R`.
// Every step is asynchronous; each component's state arrives through linkChanged. A child
// that dies turns its light red with the reason and never takes the studio down.
class LocalStack : public QObject {
    Q_OBJECT
  public:
    LocalStack(QString livemlBinary, QObject* parent = nullptr);
    ~LocalStack() override; // stop()

    void start();
    // Stops every child (bounded waits) and the private Redis. Safe to call twice.
    void stop();
    bool isActive() const { return active_; }

    // Records per second of the producer; restarts it when it runs.
    void setRate(int recordsPerSecond);
    int rate() const { return rate_; }
    void setProducerPaused(bool paused);
    bool isProducerPaused() const { return paused_; }

    // Stop the trainer, delete the model's keys and metrics history, start the trainer again.
    void resetModel();

    QString bootstrap() const { return bootstrap_; }
    std::optional<store::RedisUrl> redisUrl() const;
    static constexpr const char* kModelKey = "online_ml_model";
    // The learners the local trainer compares on the dashboard: the original SGD model (the
    // one the Draw page reloads, under kModelKey), a calibrated softmax regression and the MLP
    // (each under kModelKey.<learner>; docs/streaming.md, "Several learners").
    static constexpr const char* kLearners = "sgd_classifier,softmax_regression,mlp";
    static constexpr const char* kMetricsKey = "online_ml:metrics";
    // Each learner's model key, kModelKey first.
    static QStringList modelKeys();

  signals:
    void linkChanged(liveml::streamui::Component component, liveml::streamui::LinkState state,
                     const QString& message);
    // Broker and Redis are up and the trainer started: consumers may connect.
    void ready();

  private:
    void brokerLine(const QString& line);
    void brokerProgress(const QString& line);
    void startTrainerWhenReady();
    void startTrainer();
    void startProducer();
    void clearModelKeys();
    QProcessEnvironment childEnvironment() const;
    void fail(Component component, const QString& message);

    QString binary_;
    PrivateRedisHost* redis_;
    ChildProcess* broker_;
    ChildProcess* trainer_;
    ChildProcess* producer_;
    ChildProcess* clearer_;
    QString bootstrap_;
    bool active_ = false;
    bool redisReady_ = false;
    bool trainerUp_ = false;
    bool newModel_ = false; // the next trainer start ignores the stored model (reset)
    bool paused_ = false;
    int rate_ = 200;
    std::function<void()> afterProducerStops_;
    std::function<void()> afterTrainerStops_;
};

} // namespace liveml::streamui
