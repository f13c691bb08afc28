#pragma once
#include <QObject>
#include <QString>

#include <atomic>
#include <optional>
#include <string>
#include <thread>

#include "store/redis_url.hpp"
#include "stream/kafka_config.hpp"
#include "streamui/link_state.hpp"

namespace liveml::series {
class DashboardFeed;
}

namespace liveml::streamui {

struct MonitorSettings {
    stream::KafkaProperties kafka;        // bootstrap.servers + user properties
    std::optional<store::RedisUrl> redis; // history source; none: Kafka only
    std::string metricsTopic = "digit_metrics";
    std::string predictTopic = "digit_predict";
    std::string metricsKey = "online_ml:metrics";
    std::size_t historyRecords = 10000;
};

// Feeds a dashboard from a live pipeline on a thread of its own: on start the Redis metrics
// stream's history (so a late start shows the run so far), then `digit_metrics` and
// `digit_predict` from Kafka. Kafka is assigned at its end *before* the history is read, and
// Kafka records no newer than the history's last are skipped, so nothing is lost or doubled.
// An unreachable broker or Redis is retried with backoff and reported through linkChanged.
class StreamMonitor : public QObject {
    Q_OBJECT
  public:
    StreamMonitor(series::DashboardFeed& feed, MonitorSettings settings, QObject* parent = nullptr);
    ~StreamMonitor() override; // stop()

    void start();
    void stop(); // bounded: the thread checks the flag at least every 200 ms

    std::uint64_t metricsReceived() const noexcept { return metrics_.load(); }
    std::uint64_t predictionsReceived() const noexcept { return predictions_.load(); }
    std::uint64_t historyRecords() const noexcept { return history_.load(); }

  signals:
    // Emitted from the monitor thread (connect with the default, queued, connection).
    void linkChanged(liveml::streamui::Component component, liveml::streamui::LinkState state,
                     const QString& message);

  private:
    void run();
    bool sleepUnlessStopped(std::chrono::milliseconds duration);
    double fillHistory(); // newest history time (s), or -1
    // Library errors (their text as is) and our own, translated, words.
    void report(Component component, LinkState state, const std::string& message);
    void report(Component component, LinkState state, const QString& message);

    series::DashboardFeed& feed_;
    MonitorSettings settings_;
    std::atomic<bool> stopping_{false};
    std::atomic<std::uint64_t> metrics_{0};
    std::atomic<std::uint64_t> predictions_{0};
    std::atomic<std::uint64_t> history_{0};
    std::thread thread_;
};

} // namespace liveml::streamui
