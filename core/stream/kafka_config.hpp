#pragma once
#include <librdkafka/rdkafka.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace liveml::stream {

// Any librdkafka failure we cannot recover from (bad property, cannot create a client, …).
class KafkaError : public std::runtime_error {
  public:
    explicit KafkaError(const std::string& what,
                        rd_kafka_resp_err_t code = RD_KAFKA_RESP_ERR_UNKNOWN)
        : std::runtime_error(what), code_(code) {}
    // librdkafka's code where one caused it (RD_KAFKA_RESP_ERR_UNKNOWN otherwise).
    rd_kafka_resp_err_t code() const noexcept { return code_; }

  private:
    rd_kafka_resp_err_t code_;
};

// librdkafka properties in the order given; later entries override earlier ones, so a
// user's --consumer-property/--producer-property (SASL, TLS, tuning) wins over our defaults.
using KafkaProperties = std::vector<std::pair<std::string, std::string>>;

// "key=value" → {key, value}; throws std::invalid_argument for anything without '=' or with
// an empty key.
std::pair<std::string, std::string> parse_property(std::string_view text);

struct KafkaConfDeleter {
    void operator()(rd_kafka_conf_t* conf) const noexcept { rd_kafka_conf_destroy(conf); }
};
struct KafkaHandleDeleter {
    void operator()(rd_kafka_t* handle) const noexcept { rd_kafka_destroy(handle); }
};
struct KafkaTopicDeleter {
    void operator()(rd_kafka_topic_t* topic) const noexcept { rd_kafka_topic_destroy(topic); }
};
using KafkaConf = std::unique_ptr<rd_kafka_conf_t, KafkaConfDeleter>;
using KafkaHandle = std::unique_ptr<rd_kafka_t, KafkaHandleDeleter>;
using KafkaTopic = std::unique_ptr<rd_kafka_topic_t, KafkaTopicDeleter>;

// A configuration with every property applied; throws KafkaError naming the bad property.
// librdkafka's log lines and errors go to the installed log sink (common/log.hpp).
KafkaConf make_conf(const KafkaProperties& properties);
// Creates the client, taking ownership of conf (also on failure). Throws KafkaError.
KafkaHandle make_handle(rd_kafka_type_t type, KafkaConf conf);

} // namespace liveml::stream
