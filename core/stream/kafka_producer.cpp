#include "stream/kafka_producer.hpp"

#include "common/log.hpp"

namespace liveml::stream {

KafkaProducer::KafkaProducer(const KafkaProperties& properties) {
    // Throughput defaults for small JSON records; any of them can be overridden.
    KafkaProperties all = {{"linger.ms", "5"},
                           {"batch.num.messages", "10000"},
                           {"queue.buffering.max.messages", "200000"},
                           {"queue.buffering.max.kbytes", "262144"}};
    all.insert(all.end(), properties.begin(), properties.end());
    KafkaConf conf = make_conf(all);
    rd_kafka_conf_set_opaque(conf.get(), this);
    rd_kafka_conf_set_dr_msg_cb(conf.get(), &KafkaProducer::on_delivery);
    handle_ = make_handle(RD_KAFKA_PRODUCER, std::move(conf));
}

void KafkaProducer::on_delivery(rd_kafka_t*, const rd_kafka_message_t* message, void* opaque) {
    auto* self = static_cast<KafkaProducer*>(opaque);
    if (message->err) {
        // One line per failure would flood the log during an outage; report the first only.
        if (self->failed_.fetch_add(1) == 0)
            LogLine(LogLevel::Warning)
                << "Kafka delivery failed: " << rd_kafka_err2str(message->err)
                << " (further failures are counted, not logged)";
    } else {
        self->delivered_.fetch_add(1, std::memory_order_relaxed);
    }
}

rd_kafka_topic_t* KafkaProducer::topic_handle(std::string_view topic) {
    auto it = topics_.find(topic);
    if (it == topics_.end()) {
        KafkaTopic handle{rd_kafka_topic_new(handle_.get(), std::string(topic).c_str(), nullptr)};
        if (!handle) throw KafkaError("cannot use topic " + std::string(topic));
        it = topics_.emplace(std::string(topic), std::move(handle)).first;
    }
    return it->second.get();
}

bool KafkaProducer::try_send(rd_kafka_topic_t* topic, std::string_view key,
                             std::string_view value) {
    if (rd_kafka_produce(topic, RD_KAFKA_PARTITION_UA, RD_KAFKA_MSG_F_COPY,
                         const_cast<char*>(value.data()), value.size(),
                         key.empty() ? nullptr : key.data(), key.size(), nullptr) == 0)
        return true;
    const auto err = rd_kafka_last_error();
    if (err == RD_KAFKA_RESP_ERR__QUEUE_FULL) return false;
    throw KafkaError("cannot produce to " + std::string(rd_kafka_topic_name(topic)) + ": " +
                         rd_kafka_err2str(err),
                     err);
}

bool KafkaProducer::flush(std::chrono::milliseconds timeout) {
    return rd_kafka_flush(handle_.get(), static_cast<int>(timeout.count())) ==
           RD_KAFKA_RESP_ERR_NO_ERROR;
}

} // namespace liveml::stream
