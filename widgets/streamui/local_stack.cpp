#include "streamui/local_stack.hpp"

#include <QDir>
#include <QProcessEnvironment>
#include <QStandardPaths>

#include "streamui/child_process.hpp"
#include "streamui/private_redis_host.hpp"

namespace liveml::streamui {

namespace {
constexpr int kPartitions = 4;
// Short, so the canvas follows the trainer closely (each checkpoint is one small transaction).
constexpr int kCheckpointSeconds = 2;
// The JVM's controlled shutdown takes seconds; `liveml broker` kills it after 20 s.
constexpr int kBrokerStopMs = 25000;
const QString kBrokerPrefix = QStringLiteral("liveml broker: ");

// $XDG_DATA_HOME/liveml/kafka (~/.local/share/liveml/kafka): the broker's topics survive the
// studio.
QString brokerDataDir() {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .filePath(QStringLiteral("liveml/kafka"));
}
} // namespace

LocalStack::LocalStack(QString livemlBinary, QObject* parent)
    : QObject(parent), binary_(std::move(livemlBinary)), redis_(new PrivateRedisHost(this)),
      broker_(new ChildProcess(this)), trainer_(new ChildProcess(this)),
      producer_(new ChildProcess(this)), clearer_(new ChildProcess(this)) {
    connect(redis_, &PrivateRedisHost::ready, this, [this] {
        redisReady_ = true;
        emit linkChanged(Component::Redis, LinkState::Up,
                         QString::fromStdString(redis_->url()->to_string()));
        startTrainerWhenReady();
    });
    connect(redis_, &PrivateRedisHost::failed, this,
            [this](const QString& message) { fail(Component::Redis, message); });
    connect(broker_, &ChildProcess::lineRead, this, &LocalStack::brokerLine);
    connect(broker_, &ChildProcess::errorLineRead, this, &LocalStack::brokerProgress);
    connect(broker_, &ChildProcess::exited, this, [this](bool requested, const QString& why) {
        bootstrap_.clear();
        if (!requested) fail(Component::Broker, why);
    });
    connect(trainer_, &ChildProcess::lineRead, this, [this](const QString& line) {
        // The trainer prints one metrics record per second: the first one means it runs.
        if (trainerUp_ || !line.startsWith('{')) return;
        trainerUp_ = true;
        emit linkChanged(Component::Trainer, LinkState::Up, tr("training"));
    });
    connect(trainer_, &ChildProcess::exited, this, [this](bool requested, const QString& why) {
        trainerUp_ = false;
        if (!requested) {
            fail(Component::Trainer, why);
        } else if (afterTrainerStops_) {
            std::exchange(afterTrainerStops_, nullptr)();
        }
    });
    connect(producer_, &ChildProcess::exited, this, [this](bool requested, const QString& why) {
        if (!requested) {
            fail(Component::Producer, why);
        } else if (afterProducerStops_) {
            std::exchange(afterProducerStops_, nullptr)();
        }
    });
    connect(clearer_, &ChildProcess::lineRead, this, [this](const QString& line) {
        emit linkChanged(Component::Trainer, LinkState::Starting, line);
    });
    connect(clearer_, &ChildProcess::exited, this, [this](bool, const QString& why) {
        if (!why.isEmpty()) fail(Component::Redis, tr("reset failed: %1").arg(why));
        if (active_) startTrainer();
    });
}

LocalStack::~LocalStack() {
    stop();
}

std::optional<store::RedisUrl> LocalStack::redisUrl() const {
    return redis_->url();
}

void LocalStack::start() {
    if (active_) return;
    if (binary_.isEmpty()) {
        fail(Component::Broker, tr("the liveml program was not found next to the studio"));
        return;
    }
    active_ = true;
    redisReady_ = false;
    for (Component c : {Component::Broker, Component::Redis, Component::Trainer})
        emit linkChanged(c, LinkState::Starting, tr("starting"));
    emit linkChanged(Component::Producer, LinkState::Off, {});
    redis_->start();
    broker_->start(binary_,
                   {QStringLiteral("broker"), QStringLiteral("--partitions"),
                    QString::number(kPartitions), QStringLiteral("--data-dir"), brokerDataDir()});
}

void LocalStack::stop() {
    if (!active_) return;
    active_ = false;
    afterProducerStops_ = nullptr;
    afterTrainerStops_ = nullptr;
    // Producer first (nothing new arrives), then the trainer (final checkpoint), then the rest.
    for (ChildProcess* child : {producer_, trainer_, clearer_})
        child->stopAndWait();
    broker_->stopAndWait(kBrokerStopMs);
    redis_->stop();
    bootstrap_.clear();
    redisReady_ = false;
    trainerUp_ = false;
    for (Component c :
         {Component::Broker, Component::Redis, Component::Trainer, Component::Producer})
        emit linkChanged(c, LinkState::Off, tr("stopped"));
}

void LocalStack::brokerLine(const QString& line) {
    static const QString kPrefix = QStringLiteral("bootstrap=");
    if (!line.startsWith(kPrefix) || !bootstrap_.isEmpty()) return;
    bootstrap_ = line.mid(kPrefix.size()).trimmed();
    emit linkChanged(Component::Broker, LinkState::Up, bootstrap_);
    startTrainerWhenReady();
}

void LocalStack::brokerProgress(const QString& line) {
    // Until the broker serves, its stderr says what it is doing (formatting storage, starting
    // the JVM, creating topics, or why it failed): shown in the broker's light.
    if (!bootstrap_.isEmpty() || !line.startsWith(kBrokerPrefix)) return;
    emit linkChanged(Component::Broker, LinkState::Starting, line.mid(kBrokerPrefix.size()));
}

void LocalStack::startTrainerWhenReady() {
    if (!active_ || !redisReady_ || bootstrap_.isEmpty() || trainer_->isRunning()) return;
    startTrainer();
    emit ready();
    if (!paused_) startProducer();
}

QProcessEnvironment LocalStack::childEnvironment() const {
    // The URL carries the password: through the environment, never on a command line
    // where `ps` would show it.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (const auto url = redis_->url())
        environment.insert(QStringLiteral("LIVEML_REDIS_URL"),
                           QString::fromStdString(url->to_uri()));
    return environment;
}

void LocalStack::startTrainer() {
    emit linkChanged(Component::Trainer, LinkState::Starting, tr("starting"));
    QStringList arguments{QStringLiteral("train"),
                          QStringLiteral("--brokers"),
                          bootstrap_,
                          QStringLiteral("--checkpoint-interval"),
                          QString::number(kCheckpointSeconds),
                          QStringLiteral("--learner"),
                          QString::fromLatin1(kLearners)};
    // The Kafka broker keeps the model's snapshots too: clearing Redis alone would bring the
    // old model back from there.
    if (std::exchange(newModel_, false)) arguments << QStringLiteral("--new-model");
    trainer_->start(binary_, arguments, childEnvironment());
}

void LocalStack::startProducer() {
    if (!active_ || bootstrap_.isEmpty() || producer_->isRunning()) return;
    producer_->start(binary_, {QStringLiteral("produce"), QStringLiteral("--brokers"), bootstrap_,
                               QStringLiteral("--rate"), QString::number(rate_)});
    emit linkChanged(Component::Producer, LinkState::Up, tr("%1 records/s").arg(rate_));
}

void LocalStack::setRate(int recordsPerSecond) {
    rate_ = std::max(0, recordsPerSecond);
    if (!producer_->isRunning()) return;
    afterProducerStops_ = [this] { startProducer(); };
    producer_->stop();
}

void LocalStack::setProducerPaused(bool paused) {
    paused_ = paused;
    if (paused) {
        afterProducerStops_ = nullptr;
        producer_->stop();
        emit linkChanged(Component::Producer, LinkState::Off, tr("paused"));
    } else {
        startProducer();
    }
}

void LocalStack::resetModel() {
    if (!active_) return;
    emit linkChanged(Component::Trainer, LinkState::Starting, tr("resetting the model"));
    newModel_ = true;
    if (trainer_->isRunning()) {
        afterTrainerStops_ = [this] { clearModelKeys(); };
        trainer_->stop();
    } else {
        clearModelKeys();
    }
}

QStringList LocalStack::modelKeys() {
    QStringList keys;
    for (const QString& learner : QString::fromLatin1(kLearners).split(QLatin1Char(','))) {
        const QString base = QString::fromLatin1(kModelKey);
        keys << (learner == QLatin1String("sgd_classifier") ? base
                                                            : base + QLatin1Char('.') + learner);
    }
    return keys;
}

void LocalStack::clearModelKeys() {
    QStringList arguments{QStringLiteral("redis-clear"), QString::fromLatin1(kMetricsKey)};
    for (const QString& key : modelKeys())
        arguments << key << key + QStringLiteral(":offsets") << key + QStringLiteral(":version");
    clearer_->start(binary_, arguments, childEnvironment());
}

void LocalStack::fail(Component component, const QString& message) {
    emit linkChanged(component, LinkState::Failed,
                     message.isEmpty() ? tr("stopped unexpectedly") : message);
}

} // namespace liveml::streamui
