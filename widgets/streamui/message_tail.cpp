#include "streamui/message_tail.hpp"

#include <chrono>
#include <deque>

namespace liveml::streamui {

namespace {
constexpr std::chrono::milliseconds kPollWait{200};
constexpr std::chrono::milliseconds kMetadataTimeout{2000};
constexpr std::chrono::milliseconds kRetryWait{1000};
constexpr int kPollRecords = 4096;
} // namespace

MessageTail::MessageTail(stream::KafkaProperties kafka, std::string sinkTopic,
                         std::string deadLetterTopic, QObject* parent)
    : QObject(parent), kafka_(std::move(kafka)), sinkTopic_(std::move(sinkTopic)),
      deadLetterTopic_(std::move(deadLetterTopic)) {
    qRegisterMetaType<QList<TailRow>>();
}

MessageTail::~MessageTail() {
    stop();
}

void MessageTail::start(stream::KafkaTail::Start from) {
    if (thread_.joinable()) return;
    stopping_ = false;
    restart(from);
    thread_ = std::thread([this] { run(); });
}

void MessageTail::restart(stream::KafkaTail::Start from) {
    std::lock_guard lock(restartMutex_);
    restartFrom_ = from;
}

void MessageTail::stop() {
    stopping_ = true;
    if (thread_.joinable()) thread_.join();
}

bool MessageTail::assign(stream::KafkaTail& tail, stream::KafkaTail::Start from) {
    while (!stopping_) {
        try {
            tail.assign({sinkTopic_, deadLetterTopic_}, from, kMetadataTimeout);
            emit stateChanged(tr("reading %1 and %2")
                                  .arg(QString::fromStdString(sinkTopic_),
                                       QString::fromStdString(deadLetterTopic_)));
            return true;
        } catch (const std::exception& error) {
            emit stateChanged(tr("%1 (retrying)").arg(QString::fromUtf8(error.what())));
            std::this_thread::sleep_for(kRetryWait);
        }
    }
    return false;
}

void MessageTail::run() {
    std::unique_ptr<stream::KafkaTail> tail;
    try {
        tail = std::make_unique<stream::KafkaTail>(kafka_);
    } catch (const std::exception& error) {
        emit stateChanged(QString::fromUtf8(error.what())); // a bad property: no retry
        return;
    }
    // Rows of the current batch; a burst longer than the view holds keeps only its newest.
    std::deque<TailRow> batch;
    auto flushAt = std::chrono::steady_clock::now();
    while (!stopping_) {
        std::optional<stream::KafkaTail::Start> from;
        {
            std::lock_guard lock(restartMutex_);
            from.swap(restartFrom_);
        }
        if (from) {
            batch.clear();
            emit restarted();
            if (!assign(*tail, *from)) return;
        }
        if (paused_) {
            std::this_thread::sleep_for(kPollWait);
            continue;
        }
        tail->poll(kPollWait, kPollRecords, [&](const stream::TailMessage& message) {
            TailRow row = message.topic == deadLetterTopic_ ? decodeDeadLetterRow(message.value)
                                                            : decodePredictionRow(message.value);
            row.partition = message.partition;
            row.offset = message.offset;
            row.timestampMs = message.timestamp_ms;
            batch.push_back(std::move(row));
            if (batch.size() > std::size_t(kMaxBatchRows)) batch.pop_front();
        });
        const auto now = std::chrono::steady_clock::now();
        if (!batch.empty() && now >= flushAt) {
            emit rowsArrived(QList<TailRow>(batch.begin(), batch.end()));
            batch.clear();
            flushAt = now + std::chrono::milliseconds(kBatchMs);
        }
    }
}

} // namespace liveml::streamui
