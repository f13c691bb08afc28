#include "stream/topic_admin.hpp"

#include <memory>

#include "stream/topics.hpp"

namespace liveml::stream {
namespace {

struct NewTopicsDeleter {
    std::size_t count = 0;
    void operator()(rd_kafka_NewTopic_t** topics) const noexcept {
        rd_kafka_NewTopic_destroy_array(topics, count);
        delete[] topics;
    }
};
struct QueueDeleter {
    void operator()(rd_kafka_queue_t* queue) const noexcept { rd_kafka_queue_destroy(queue); }
};
struct EventDeleter {
    void operator()(rd_kafka_event_t* event) const noexcept { rd_kafka_event_destroy(event); }
};

} // namespace

TopicSpec checkpoint_topic_spec() {
    return {std::string(kCheckpointTopic),
            1,
            {{"cleanup.policy", "compact"},
             // Compaction only touches closed segments: roll them hourly so old snapshots go.
             {"segment.ms", "3600000"},
             {"min.cleanable.dirty.ratio", "0.1"}}};
}

void create_topics(rd_kafka_t* client, const std::vector<TopicSpec>& topics,
                   std::chrono::milliseconds timeout) {
    if (topics.empty()) return;
    std::unique_ptr<rd_kafka_NewTopic_t*, NewTopicsDeleter> requests(
        new rd_kafka_NewTopic_t* [topics.size()](), NewTopicsDeleter { topics.size() });
    char error[512];
    for (std::size_t i = 0; i < topics.size(); ++i) {
        requests.get()[i] = rd_kafka_NewTopic_new(topics[i].name.c_str(), topics[i].partitions, 1,
                                                  error, sizeof error);
        if (!requests.get()[i])
            throw KafkaError("cannot describe topic " + topics[i].name + ": " + error);
        for (const auto& [name, value] : topics[i].configs)
            rd_kafka_NewTopic_set_config(requests.get()[i], name.c_str(), value.c_str());
    }
    std::unique_ptr<rd_kafka_queue_t, QueueDeleter> queue(rd_kafka_queue_new(client));
    rd_kafka_AdminOptions_t* options =
        rd_kafka_AdminOptions_new(client, RD_KAFKA_ADMIN_OP_CREATETOPICS);
    rd_kafka_AdminOptions_set_request_timeout(options, static_cast<int>(timeout.count()), error,
                                              sizeof error);
    rd_kafka_CreateTopics(client, requests.get(), topics.size(), options, queue.get());
    rd_kafka_AdminOptions_destroy(options);

    std::unique_ptr<rd_kafka_event_t, EventDeleter> event(
        rd_kafka_queue_poll(queue.get(), static_cast<int>(timeout.count()) + 1000));
    if (!event) throw KafkaError("the broker did not answer CreateTopics in time");
    if (const auto err = rd_kafka_event_error(event.get()))
        throw KafkaError(std::string("cannot create topics: ") + rd_kafka_err2str(err) + " (" +
                         rd_kafka_event_error_string(event.get()) + ")");
    const auto* result = rd_kafka_event_CreateTopics_result(event.get());
    std::size_t count = 0;
    const rd_kafka_topic_result_t** results = rd_kafka_CreateTopics_result_topics(result, &count);
    for (std::size_t i = 0; i < count; ++i) {
        const auto err = rd_kafka_topic_result_error(results[i]);
        if (err && err != RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS) {
            const char* text = rd_kafka_topic_result_error_string(results[i]);
            throw KafkaError("cannot create topic " +
                             std::string(rd_kafka_topic_result_name(results[i])) + ": " +
                             (text ? text : rd_kafka_err2str(err)));
        }
    }
}

} // namespace liveml::stream
