#pragma once
#include <QList>
#include <QObject>
#include <QString>

#include <atomic>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "stream/kafka_config.hpp"
#include "stream/kafka_tail.hpp"
#include "streamui/tail_row.hpp"

namespace liveml::streamui {

// Reads the sink topic and its dead letters on a thread of its own and hands decoded rows to
// the GUI in batches (at most every kBatchMs, queued), so a fast stream costs the window one
// model update per batch, not one per record. Restart re-reads from the beginning or the end;
// pause stops reading (librdkafka's prefetch is bounded) without losing the position.
class MessageTail : public QObject {
    Q_OBJECT
  public:
    static constexpr int kBatchMs = 100;
    static constexpr int kMaxBatchRows = 5000; // older rows of a burst would be dropped anyway

    MessageTail(stream::KafkaProperties kafka, std::string sinkTopic, std::string deadLetterTopic,
                QObject* parent = nullptr);
    ~MessageTail() override; // stop()

    void start(stream::KafkaTail::Start from = stream::KafkaTail::Start::kEnd);
    void restart(stream::KafkaTail::Start from); // from any thread; the rows shown so far are stale
    void setPaused(bool paused) { paused_ = paused; }
    bool paused() const noexcept { return paused_.load(); }
    void stop(); // bounded: the thread checks the flag at least every 200 ms

  signals:
    void rowsArrived(const QList<liveml::streamui::TailRow>& rows);
    void restarted(); // emitted before the first batch of a restart
    void stateChanged(const QString& text);

  private:
    void run();
    bool assign(stream::KafkaTail& tail, stream::KafkaTail::Start from);

    stream::KafkaProperties kafka_;
    std::string sinkTopic_;
    std::string deadLetterTopic_;
    std::atomic<bool> stopping_{false};
    std::atomic<bool> paused_{false};
    std::mutex restartMutex_;
    std::optional<stream::KafkaTail::Start> restartFrom_;
    std::thread thread_;
};

} // namespace liveml::streamui
