#include "stream/kafka_config.hpp"

namespace liveml::stream {

std::pair<std::string, std::string> parse_property(std::string_view text) {
    const auto eq = text.find('=');
    if (eq == std::string_view::npos || eq == 0)
        throw std::invalid_argument("Kafka property '" + std::string(text) +
                                    "' is not of the form key=value");
    return {std::string(text.substr(0, eq)), std::string(text.substr(eq + 1))};
}

KafkaConf make_conf(const KafkaProperties& properties) {
    KafkaConf conf{rd_kafka_conf_new()};
    char error[512];
    for (const auto& [key, value] : properties) {
        if (rd_kafka_conf_set(conf.get(), key.c_str(), value.c_str(), error, sizeof error) !=
            RD_KAFKA_CONF_OK)
            throw KafkaError("Kafka property " + key + ": " + error);
    }
    return conf;
}

KafkaHandle make_handle(rd_kafka_type_t type, KafkaConf conf) {
    char error[512];
    // rd_kafka_new takes the conf only when it succeeds.
    KafkaHandle handle{rd_kafka_new(type, conf.get(), error, sizeof error)};
    if (!handle) throw KafkaError(std::string("cannot create Kafka client: ") + error);
    conf.release();
    return handle;
}

} // namespace liveml::stream
