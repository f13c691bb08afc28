#include "stream/kafka_tail.hpp"

#include <random>

namespace liveml::stream {

namespace {

std::string random_group() {
    std::random_device device;
    return "liveml-studio-" + std::to_string(device());
}

stream::KafkaProperties consumer_properties(const stream::KafkaProperties& user) {
    // librdkafka wants a group id even for assign(); nothing is ever committed to it.
    stream::KafkaProperties properties{{"group.id", random_group()},
                                       {"enable.auto.commit", "false"},
                                       {"enable.auto.offset.store", "false"},
                                       {"enable.partition.eof", "false"},
                                       // The mock broker holds every fetch this long.
                                       {"fetch.wait.max.ms", "50"}};
    properties.insert(properties.end(), user.begin(), user.end());
    return properties;
}

struct PartitionListDeleter {
    void operator()(rd_kafka_topic_partition_list_t* list) const noexcept {
        rd_kafka_topic_partition_list_destroy(list);
    }
};

} // namespace

KafkaTail::KafkaTail(const stream::KafkaProperties& properties) {
    stream::KafkaConf conf = stream::make_conf(consumer_properties(properties));
    rd_kafka_conf_set_opaque(conf.get(), this);
    rd_kafka_conf_set_error_cb(conf.get(), &KafkaTail::on_error);
    handle_ = stream::make_handle(RD_KAFKA_CONSUMER, std::move(conf));
    rd_kafka_poll_set_consumer(handle_.get());
}

void KafkaTail::assign(const std::vector<std::string>& topics, Start start,
                       std::chrono::milliseconds timeout) {
    std::unique_ptr<rd_kafka_topic_partition_list_t, PartitionListDeleter> list{
        rd_kafka_topic_partition_list_new(16)};
    const std::int64_t offset =
        start == Start::kBeginning ? RD_KAFKA_OFFSET_BEGINNING : RD_KAFKA_OFFSET_END;
    for (const std::string& topic : topics) {
        stream::KafkaTopic handle{rd_kafka_topic_new(handle_.get(), topic.c_str(), nullptr)};
        const rd_kafka_metadata_t* metadata = nullptr;
        const auto err = rd_kafka_metadata(handle_.get(), 0, handle.get(), &metadata,
                                           static_cast<int>(timeout.count()));
        if (err) {
            note_error(rd_kafka_err2str(err));
            throw stream::KafkaError("cannot read the partitions of " + topic + ": " +
                                     rd_kafka_err2str(err));
        }
        const bool found = metadata->topic_cnt == 1 && !metadata->topics[0].err &&
                           metadata->topics[0].partition_cnt > 0;
        std::string why = found ? std::string() : "the broker does not have it";
        if (found) {
            for (int i = 0; i < metadata->topics[0].partition_cnt; ++i)
                rd_kafka_topic_partition_list_add(list.get(), topic.c_str(),
                                                  metadata->topics[0].partitions[i].id)
                    ->offset = offset;
        } else if (metadata->topic_cnt == 1 && metadata->topics[0].err) {
            why = rd_kafka_err2str(metadata->topics[0].err);
        }
        rd_kafka_metadata_destroy(metadata);
        if (!found) throw stream::KafkaError("cannot read topic " + topic + ": " + why);
    }
    if (const auto err = rd_kafka_assign(handle_.get(), list.get()))
        throw stream::KafkaError(std::string("cannot assign partitions: ") + rd_kafka_err2str(err));
    mark_up();
}

std::string KafkaTail::last_error() const {
    std::lock_guard lock(error_mutex_);
    return last_error_;
}

void KafkaTail::on_error(rd_kafka_t*, int err, const char* reason, void* opaque) {
    auto* self = static_cast<KafkaTail*>(opaque);
    self->note_error(reason ? reason : rd_kafka_err2str(static_cast<rd_kafka_resp_err_t>(err)));
    if (err == RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN || err == RD_KAFKA_RESP_ERR__TRANSPORT)
        self->up_.store(false);
}

void KafkaTail::note_error(std::string reason) {
    std::lock_guard lock(error_mutex_);
    last_error_ = std::move(reason);
}

bool KafkaTail::probe_brokers(std::chrono::milliseconds timeout) {
    const rd_kafka_metadata_t* metadata = nullptr;
    const auto err = rd_kafka_metadata(handle_.get(), 0, nullptr, &metadata,
                                       static_cast<int>(timeout.count()));
    if (err) return false;
    rd_kafka_metadata_destroy(metadata);
    mark_up();
    return true;
}

void KafkaTail::mark_up() {
    up_.store(true);
    std::lock_guard lock(error_mutex_);
    last_error_.clear();
}

} // namespace liveml::stream
