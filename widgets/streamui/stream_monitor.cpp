#include "streamui/stream_monitor.hpp"

#include <algorithm>

#include "series/dashboard_feed.hpp"
#include "store/metrics_stream.hpp"
#include "store/resilient_redis.hpp"
#include "stream/kafka_tail.hpp"
#include "stream/metrics_record.hpp"
#include "stream/prediction_record.hpp"

namespace liveml::streamui {

namespace {
constexpr std::chrono::milliseconds kStopCheck{200};
constexpr std::chrono::milliseconds kMetadataTimeout{2000};
constexpr std::chrono::milliseconds kProbeTimeout{200}; // while the brokers are down
constexpr std::chrono::milliseconds kBackoffStart{250};
constexpr std::chrono::milliseconds kBackoffMax{5000};
constexpr int kBatch = 4096;

std::chrono::milliseconds grow(std::chrono::milliseconds backoff) {
    return std::min(backoff * 2, kBackoffMax);
}
} // namespace

StreamMonitor::StreamMonitor(series::DashboardFeed& feed, MonitorSettings settings, QObject* parent)
    : QObject(parent), feed_(feed), settings_(std::move(settings)) {}

StreamMonitor::~StreamMonitor() {
    stop();
}

void StreamMonitor::start() {
    if (thread_.joinable()) return;
    stopping_ = false;
    thread_ = std::thread([this] { run(); });
}

void StreamMonitor::stop() {
    stopping_ = true;
    if (thread_.joinable()) thread_.join();
}

bool StreamMonitor::sleepUnlessStopped(std::chrono::milliseconds duration) {
    const auto until = std::chrono::steady_clock::now() + duration;
    while (!stopping_ && std::chrono::steady_clock::now() < until)
        std::this_thread::sleep_for(std::min(kStopCheck, duration));
    return !stopping_;
}

void StreamMonitor::report(Component component, LinkState state, const std::string& message) {
    emit linkChanged(component, state, QString::fromStdString(message));
}

void StreamMonitor::report(Component component, LinkState state, const QString& message) {
    emit linkChanged(component, state, message);
}

double StreamMonitor::fillHistory() {
    if (!settings_.redis) return -1;
    report(Component::Redis, LinkState::Starting, tr("reading the metrics history"));
    store::ResilientRedis redis(*settings_.redis, {},
                                [this](store::RedisLinkState s, const std::string& d) {
                                    if (s == store::RedisLinkState::kLost)
                                        report(Component::Redis, LinkState::Lost, d);
                                });
    std::vector<store::MetricsEntry> entries;
    auto backoff = kBackoffStart;
    while (!stopping_) {
        try {
            if (redis.run([&](store::RedisConnection& connection) {
                    store::MetricsStream stream(connection, settings_.metricsKey);
                    entries = stream.latest(settings_.historyRecords);
                }))
                break;
        } catch (const std::exception& error) {
            report(Component::Redis, LinkState::Failed, std::string(error.what()));
            return -1;
        }
        if (!sleepUnlessStopped(backoff)) return -1;
        backoff = grow(backoff);
    }
    double newest = -1;
    for (const store::MetricsEntry& entry : entries) {
        if (!feed_.ingestMetricsJson(entry.json)) continue;
        try {
            newest = std::max(newest, stream::parseMetricsRecord(entry.json).time);
        } catch (const stream::MetricsRecordError&) {
        }
        ++history_;
    }
    report(Component::Redis, LinkState::Up,
           tr("history: %n metrics records", nullptr, int(history_.load())));
    return newest;
}

void StreamMonitor::run() {
    report(Component::Broker, LinkState::Starting, tr("connecting"));
    std::unique_ptr<stream::KafkaTail> tail;
    try {
        tail = std::make_unique<stream::KafkaTail>(settings_.kafka);
    } catch (const std::exception& error) {
        report(Component::Broker, LinkState::Failed,
               std::string(error.what())); // bad property: no retry
        return;
    }
    auto backoff = kBackoffStart;
    while (!stopping_) {
        try {
            tail->assign({settings_.metricsTopic, settings_.predictTopic},
                         stream::KafkaTail::Start::kEnd, kMetadataTimeout);
            break;
        } catch (const std::exception& error) {
            // A metadata timeout alone says little; the broker's reason (a refused SASL
            // handshake, TLS, authentication) arrives through the error callback, which only a
            // poll serves.
            tail->poll(std::chrono::milliseconds(0), 1, [](const stream::TailMessage&) {});
            const std::string reason = tail->last_error();
            report(Component::Broker, LinkState::Lost,
                   reason.empty() ? std::string(error.what())
                                  : std::string(error.what()) + " (" + reason + ")");
            if (!sleepUnlessStopped(backoff)) return;
            backoff = grow(backoff);
        }
    }
    if (stopping_) return;
    report(Component::Broker, LinkState::Up,
           tr("reading %1, %2")
               .arg(QString::fromStdString(settings_.metricsTopic),
                    QString::fromStdString(settings_.predictTopic)));
    const double historyEnd = fillHistory();

    bool up = true;
    while (!stopping_) {
        tail->poll(kStopCheck, kBatch, [&](const stream::TailMessage& message) {
            if (message.topic == settings_.predictTopic) {
                if (const auto record = stream::parsePredictionRecord(message.value))
                    feed_.ingestPrediction(record->actual, record->predicted);
                else
                    feed_.refuseRecord("not a digit_predict record");
                ++predictions_;
                return;
            }
            if (historyEnd >= 0) {
                try {
                    if (stream::parseMetricsRecord(message.value).time <= historyEnd) return;
                } catch (const stream::MetricsRecordError&) {
                }
            }
            feed_.ingestMetricsJson(message.value);
            ++metrics_;
        });
        // Nothing may arrive on quiet topics after a broker comes back: ask it directly.
        if (!up) tail->probe_brokers(kProbeTimeout);
        if (tail->brokers_up() != up) {
            up = tail->brokers_up();
            report(Component::Broker, up ? LinkState::Up : LinkState::Lost,
                   up ? tr("connected")
                      : tr("%1 (retrying)").arg(QString::fromStdString(tail->last_error())));
        }
    }
}

} // namespace liveml::streamui
