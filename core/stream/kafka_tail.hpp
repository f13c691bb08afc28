#pragma once
#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "stream/kafka_config.hpp"

namespace liveml::stream {

// One record read from a topic; the views are valid during the handler call only.
struct TailMessage {
    std::string_view topic;
    std::int32_t partition = 0;
    std::int64_t offset = 0;
    std::string_view value;
    std::int64_t timestamp_ms = -1; // the record's timestamp; -1 when the broker gave none
};

// Reads whole topics without a consumer group: every partition is assigned directly, so no
// group join (seconds on the mock broker) and no committed offsets to disturb other readers.
// The studio's dashboard and the tests read `digit_metrics`, `digit_predict` and
// `handwritten_digit` with it. Use from one thread.
class KafkaTail {
  public:
    enum class Start { kBeginning, kEnd };

    // properties: bootstrap.servers and any user properties (SASL, TLS). Throws KafkaError.
    explicit KafkaTail(const stream::KafkaProperties& properties);
    KafkaTail(const KafkaTail&) = delete;
    KafkaTail& operator=(const KafkaTail&) = delete;

    // Looks up every partition of the topics and assigns them from `start`. Throws KafkaError
    // when the metadata does not arrive within `timeout` or a topic does not exist.
    void assign(const std::vector<std::string>& topics, Start start,
                std::chrono::milliseconds timeout);

    // Waits up to `timeout` for the first record, then hands over every record already
    // fetched (at most `max_records`). Returns how many were handed over.
    template <class Handler>
    int poll(std::chrono::milliseconds timeout, int max_records, Handler&& on_message) {
        int handed = 0;
        int wait_ms = static_cast<int>(timeout.count());
        while (handed < max_records) {
            rd_kafka_message_t* message = rd_kafka_consumer_poll(handle_.get(), wait_ms);
            if (!message) break;
            wait_ms = 0;
            if (message->err == RD_KAFKA_RESP_ERR_NO_ERROR) {
                mark_up();
                on_message(TailMessage{
                    rd_kafka_topic_name(message->rkt), message->partition, message->offset,
                    std::string_view(static_cast<const char*>(message->payload), message->len),
                    rd_kafka_message_timestamp(message, nullptr)});
                ++handed;
            } else if (message->err != RD_KAFKA_RESP_ERR__PARTITION_EOF) {
                note_error(rd_kafka_message_errstr(message));
            }
            rd_kafka_message_destroy(message);
        }
        return handed;
    }

    // False while librdkafka reports every broker down (set again by the next record, or by
    // probe_brokers()).
    bool brokers_up() const noexcept { return up_.load(); }
    // A metadata request of at most `timeout`: an answer marks the brokers up again. For quiet
    // topics, where no record would tell that a restarted broker is back.
    bool probe_brokers(std::chrono::milliseconds timeout);
    // The latest error librdkafka reported, empty when none since the last record.
    std::string last_error() const;

  private:
    static void on_error(rd_kafka_t*, int err, const char* reason, void* opaque);
    void note_error(std::string reason);
    void mark_up();

    std::atomic<bool> up_{true};
    mutable std::mutex error_mutex_;
    std::string last_error_;
    // Declared last so it is destroyed first: closing the consumer still reports errors
    // through on_error (a dead broker), which writes the members above.
    stream::KafkaHandle handle_;
};

} // namespace liveml::stream
