#pragma once
#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>
#include <string>

#include "digits/digits_dataset.hpp"
#include "stream/kafka_config.hpp"

namespace liveml::stream {
class KafkaProducer;
}

namespace liveml::streamui {

// Sends the user's corrections to the training topic as ordinary source records
// {"ts":"…","x":[64 features],"actual_y":d}, so the trainer learns the user's handwriting.
// A correction may go as several copies: the drawing itself plus label-preserving variations
// of it (digits::augment_digits: small turns, slants and width changes). Against a producer
// at 200 records/s one record is outvoted by the stream's own digits before the next
// checkpoint; 32 copies let two or three corrections show (docs/studio-stream.md has the
// figures).
// send() only queues (librdkafka delivers in its own threads); a timer serves the delivery
// reports and announces each outcome.
class FeedbackProducer : public QObject {
    Q_OBJECT
  public:
    // Throws stream::KafkaError for a bad property.
    FeedbackProducer(const stream::KafkaProperties& properties, std::string topic,
                     QObject* parent = nullptr);
    ~FeedbackProducer() override;

    static constexpr int kMaxCopies = 64;

    // Queues `copies` records (the drawing, then copies - 1 variations of it). False (with
    // lastError) when the features, label or copies are invalid or the local queue is full;
    // copies queued before a full queue stay queued.
    bool send(const digits::Features& features, int label, int copies = 1);

    const QString& lastError() const { return lastError_; }
    quint64 delivered() const;
    quint64 failed() const;

  signals:
    void deliveryCountsChanged(quint64 delivered, quint64 failed);

  private:
    void pollDeliveries();
    bool sendRecord(const digits::Features& features, int label);

    std::unique_ptr<stream::KafkaProducer> producer_;
    std::string topic_;
    std::string buffer_;
    QString lastError_;
    QTimer poller_;
    quint64 seenDelivered_ = 0;
    quint64 seenFailed_ = 0;
    std::uint64_t corrections_ = 0; // seeds each correction's variations: no two repeat
};

} // namespace liveml::streamui
