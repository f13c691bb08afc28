#include "stream/source_consumer.hpp"

#include <algorithm>
#include <cstring>

namespace liveml::stream {
namespace {

KafkaProperties with_defaults(KafkaProperties defaults, const KafkaProperties& user) {
    defaults.insert(defaults.end(), user.begin(), user.end());
    return defaults;
}

} // namespace

SourceConsumer::SourceConsumer(SourceConsumerOptions options, const OffsetBook& book,
                               std::function<void()> on_revoke,
                               std::function<void(const std::string&)> log)
    : book_(book), on_revoke_(std::move(on_revoke)), log_(std::move(log)) {
    KafkaProperties defaults{
        {"group.id", options.group},
        {"enable.auto.commit", "false"},
        {"enable.auto.offset.store", "false"},
        {"auto.offset.reset", "earliest"},
        {"enable.partition.eof", "false"},
        {"isolation.level", options.read_committed ? "read_committed" : "read_uncommitted"},
        // A dead trainer's partitions are handed on once its session expires: 6 s is the
        // broker's minimum (group.min.session.timeout.ms), so a restart after kill -9 waits
        // about that long. Static membership (group.instance.id) would skip even that wait,
        // but librdkafka 2.0.2 then fences the member for good after a broker restart.
        {"session.timeout.ms", "6000"},
        {"heartbeat.interval.ms", "1000"},
        // The mock broker holds every fetch this long even when data is
        // waiting.
        {"fetch.wait.max.ms", "10"}};
    KafkaConf conf = make_conf(with_defaults(std::move(defaults), options.properties));
    rd_kafka_conf_set_opaque(conf.get(), this);
    rd_kafka_conf_set_rebalance_cb(conf.get(), &SourceConsumer::on_rebalance);
    consumer_ = make_handle(RD_KAFKA_CONSUMER, std::move(conf));
    rd_kafka_poll_set_consumer(consumer_.get());
}

void SourceConsumer::subscribe() {
    auto* topics = rd_kafka_topic_partition_list_new(1);
    rd_kafka_topic_partition_list_add(topics, book_.topic().c_str(), RD_KAFKA_PARTITION_UA);
    const auto err = rd_kafka_subscribe(consumer_.get(), topics);
    rd_kafka_topic_partition_list_destroy(topics);
    if (err)
        throw KafkaError("cannot subscribe to " + book_.topic() + ": " + rd_kafka_err2str(err));
}

rd_kafka_message_t* SourceConsumer::poll(int timeout_ms) {
    rd_kafka_message_t* message = rd_kafka_consumer_poll(consumer_.get(), timeout_ms);
    // A fatal error may come as an event or only as the client's state: look every time.
    char reason[512];
    const auto err = rd_kafka_fatal_error(consumer_.get(), reason, sizeof reason);
    if (err) {
        if (message) rd_kafka_message_destroy(message);
        if (err == RD_KAFKA_RESP_ERR_FENCED_INSTANCE_ID)
            throw TakenOverError("another consumer joined with this trainer's "
                                 "group.instance.id and took over its partitions");
        throw KafkaError(std::string("the source consumer failed: ") + reason);
    }
    return message;
}

void SourceConsumer::on_rebalance(rd_kafka_t* rk, rd_kafka_resp_err_t err,
                                  rd_kafka_topic_partition_list_t* partitions, void* opaque) {
    static_cast<SourceConsumer*>(opaque)->rebalance(rk, err, partitions);
}

void SourceConsumer::rebalance(rd_kafka_t* rk, rd_kafka_resp_err_t err,
                               rd_kafka_topic_partition_list_t* partitions) {
    const bool cooperative = std::strcmp(rd_kafka_rebalance_protocol(rk), "COOPERATIVE") == 0;
    if (err == RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS) {
        // Seek to our own positions: the group's committed offsets know nothing of the model.
        std::string line = "assigned";
        for (int i = 0; i < partitions->cnt; ++i) {
            auto& part = partitions->elems[i];
            const auto next = book_.next(part.partition);
            part.offset = next >= 0 ? next : RD_KAFKA_OFFSET_BEGINNING;
            line += ' ' + std::string(part.topic) + ':' + std::to_string(part.partition) + '@' +
                    (next >= 0 ? std::to_string(next) : std::string("beginning"));
        }
        log_(line);
        if (cooperative) {
            if (auto* error = rd_kafka_incremental_assign(rk, partitions))
                rd_kafka_error_destroy(error);
        } else {
            rd_kafka_assign(rk, partitions);
        }
        return;
    }
    // Revoked (or lost): whoever gets these partitions next resumes from our checkpoint.
    on_revoke_();
    if (cooperative) {
        if (auto* error = rd_kafka_incremental_unassign(rk, partitions))
            rd_kafka_error_destroy(error);
    } else {
        rd_kafka_assign(rk, nullptr);
    }
}

rd_kafka_topic_partition_list_t* SourceConsumer::assigned_positions() const {
    rd_kafka_topic_partition_list_t* assigned = nullptr;
    auto* positions = rd_kafka_topic_partition_list_new(4);
    if (rd_kafka_assignment(consumer_.get(), &assigned) || !assigned) return positions;
    for (int i = 0; i < assigned->cnt; ++i) {
        const auto& part = assigned->elems[i];
        const auto next = book_.next(part.partition);
        if (next >= 0)
            rd_kafka_topic_partition_list_add(positions, part.topic, part.partition)->offset = next;
    }
    rd_kafka_topic_partition_list_destroy(assigned);
    return positions;
}

void SourceConsumer::rewind() {
    rd_kafka_topic_partition_list_t* assigned = nullptr;
    if (rd_kafka_assignment(consumer_.get(), &assigned) || !assigned) return;
    for (int i = 0; i < assigned->cnt; ++i) {
        auto& part = assigned->elems[i];
        const auto next = book_.next(part.partition);
        part.offset = next >= 0 ? next : RD_KAFKA_OFFSET_BEGINNING;
    }
    if (auto* error = rd_kafka_seek_partitions(consumer_.get(), assigned, 5000))
        rd_kafka_error_destroy(error);
    rd_kafka_topic_partition_list_destroy(assigned);
}

std::map<std::string, std::int64_t> SourceConsumer::lag() const {
    std::map<std::string, std::int64_t> lag;
    rd_kafka_topic_partition_list_t* assigned = nullptr;
    if (rd_kafka_assignment(consumer_.get(), &assigned) || !assigned) return lag;
    for (int i = 0; i < assigned->cnt; ++i) {
        const auto& part = assigned->elems[i];
        std::int64_t low = 0, high = 0;
        if (rd_kafka_get_watermark_offsets(consumer_.get(), part.topic, part.partition, &low,
                                           &high) ||
            high < 0)
            continue;
        const auto next = book_.next(part.partition);
        lag[store::offset_field(part.topic, part.partition)] =
            std::max<std::int64_t>(0, high - (next >= 0 ? next : low));
    }
    rd_kafka_topic_partition_list_destroy(assigned);
    return lag;
}

void SourceConsumer::close() {
    if (closed_) return;
    closed_ = true;
    rd_kafka_consumer_close(consumer_.get());
}

} // namespace liveml::stream
