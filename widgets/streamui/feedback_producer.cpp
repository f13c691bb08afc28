#include "streamui/feedback_producer.hpp"

#include <chrono>
#include <ctime>

#include "digits/digit_augmentation.hpp"
#include "stream/digit_record.hpp"
#include "stream/kafka_producer.hpp"
#include "stream/record_encoder.hpp"

namespace liveml::streamui {

namespace {
constexpr int kPollMs = 100;
constexpr std::chrono::milliseconds kFlushOnExit{2000};
} // namespace

FeedbackProducer::FeedbackProducer(const stream::KafkaProperties& properties, std::string topic,
                                   QObject* parent)
    : QObject(parent), producer_(std::make_unique<stream::KafkaProducer>(properties)),
      topic_(std::move(topic)) {
    poller_.setInterval(kPollMs);
    connect(&poller_, &QTimer::timeout, this, &FeedbackProducer::pollDeliveries);
    poller_.start();
}

FeedbackProducer::~FeedbackProducer() {
    // A correction the user just made should not vanish because the window closed.
    producer_->flush(kFlushOnExit);
}

bool FeedbackProducer::send(const digits::Features& features, int label, int copies) {
    if (label < 0 || label > 9) {
        lastError_ = tr("The label must be a digit 0-9, not %1.").arg(label);
        return false;
    }
    if (copies < 1 || copies > kMaxCopies) {
        lastError_ =
            tr("Copies per correction must be 1 to %1, not %2.").arg(kMaxCopies).arg(copies);
        return false;
    }
    for (std::size_t i = 0; i < features.size(); ++i) {
        if (features[i] > 16) {
            lastError_ = tr("Feature %1 is %2, outside 0..16.").arg(i).arg(features[i]);
            return false;
        }
    }
    digits::AugmentOptions variations;
    variations.variants_per_sample = copies - 1;
    variations.seed = ++corrections_;
    for (const digits::DigitSample& sample :
         digits::augment_digits({{features, label}}, variations))
        if (!sendRecord(sample.x, sample.label)) return false;
    lastError_.clear();
    return true;
}

bool FeedbackProducer::sendRecord(const digits::Features& features, int label) {
    stream::DigitRecord record;
    record.x = features;
    record.label = label;
    record.ts_epoch_s = static_cast<std::int64_t>(std::time(nullptr));
    buffer_.clear();
    stream::append_source_record(buffer_, record);
    // Never wait on a full queue here: this runs on the GUI thread.
    if (!producer_->send(topic_, {}, buffer_, [] { return true; })) {
        lastError_ = tr("The Kafka producer's queue is full; the broker may be unreachable.");
        return false;
    }
    return true;
}

quint64 FeedbackProducer::delivered() const {
    return producer_->delivered();
}
quint64 FeedbackProducer::failed() const {
    return producer_->failed();
}

void FeedbackProducer::pollDeliveries() {
    producer_->poll();
    if (delivered() != seenDelivered_ || failed() != seenFailed_) {
        seenDelivered_ = delivered();
        seenFailed_ = failed();
        emit deliveryCountsChanged(seenDelivered_, seenFailed_);
    }
}

} // namespace liveml::streamui
