#pragma once
#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "stream/kafka_config.hpp"

namespace liveml::stream {

// A librdkafka producer that sends to named topics (handles cached) and counts failed
// deliveries instead of failing the caller: the caller decides what a lost sink record means.
class KafkaProducer {
  public:
    // properties must include bootstrap.servers; they are applied after our defaults.
    explicit KafkaProducer(const KafkaProperties& properties);
    KafkaProducer(const KafkaProducer&) = delete;
    KafkaProducer& operator=(const KafkaProducer&) = delete;

    // Queues one message (copied), partitioned by key (random when key is empty). While the
    // local queue is full (broker slow or unreachable) it serves delivery reports and retries,
    // so a caller is slowed down rather than failed; gives up and returns false only when
    // `give_up` returns true.
    template <class GiveUp>
    bool send(std::string_view topic, std::string_view key, std::string_view value,
              GiveUp&& give_up) {
        rd_kafka_topic_t* handle = topic_handle(topic);
        while (!try_send(handle, key, value)) {
            if (give_up()) return false;
            rd_kafka_poll(handle_.get(), 10);
        }
        return true;
    }

    // Serves delivery reports without blocking; call regularly.
    void poll() { rd_kafka_poll(handle_.get(), 0); }
    // Waits until every queued message is delivered or failed; false on timeout.
    bool flush(std::chrono::milliseconds timeout);

    std::uint64_t delivered() const noexcept { return delivered_.load(); }
    std::uint64_t failed() const noexcept { return failed_.load(); }
    rd_kafka_t* native_handle() noexcept { return handle_.get(); }

  private:
    static void on_delivery(rd_kafka_t*, const rd_kafka_message_t* message, void* opaque);
    rd_kafka_topic_t* topic_handle(std::string_view topic);
    bool try_send(rd_kafka_topic_t* topic, std::string_view key, std::string_view value);

    KafkaHandle handle_;
    std::map<std::string, KafkaTopic, std::less<>> topics_;
    std::atomic<std::uint64_t> delivered_{0};
    std::atomic<std::uint64_t> failed_{0};
};

} // namespace liveml::stream
