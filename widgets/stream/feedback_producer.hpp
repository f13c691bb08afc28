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
// send() only queues (librdkafka delivers in its own threads); a timer serves the delivery
// reports and announces each outcome.
class FeedbackProducer : public QObject {
    Q_OBJECT
  public:
    // Throws stream::KafkaError for a bad property.
    FeedbackProducer(const stream::KafkaProperties& properties, std::string topic,
                     QObject* parent = nullptr);
    ~FeedbackProducer() override;

    // False (with lastError) when the features or label are invalid or the local queue is full.
    bool send(const digits::Features& features, int label);

    const QString& lastError() const { return lastError_; }
    quint64 delivered() const;
    quint64 failed() const;

  signals:
    void deliveryCountsChanged(quint64 delivered, quint64 failed);

  private:
    void pollDeliveries();

    std::unique_ptr<stream::KafkaProducer> producer_;
    std::string topic_;
    std::string buffer_;
    QString lastError_;
    QTimer poller_;
    quint64 seenDelivered_ = 0;
    quint64 seenFailed_ = 0;
};

} // namespace liveml::streamui
