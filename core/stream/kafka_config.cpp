#include "stream/kafka_config.hpp"

#include "common/log.hpp"

namespace liveml::stream {
namespace {

// librdkafka's own lines (a refused connection, a lost coordinator) go to the application's
// log sink like ours, never straight to stderr. Called from librdkafka's threads.
void forward_log(const rd_kafka_t* handle, int level, const char* facility, const char* text) {
    // syslog levels: 0..4 emergency..warning, 5..7 notice..debug.
    LogLine(level <= 4 ? LogLevel::Warning : LogLevel::Info)
        << "kafka " << rd_kafka_name(handle) << " " << facility << ": " << text;
}

// Without an error callback librdkafka logs each error a second time (as ERROR, beside the
// FAIL line that already said it). Only what changes the picture is worth a line of its own.
void forward_error(rd_kafka_t* handle, int err, const char* reason, void*) {
    const auto code = static_cast<rd_kafka_resp_err_t>(err);
    if (code == RD_KAFKA_RESP_ERR__FATAL || code == RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN)
        LogLine(LogLevel::Warning) << "kafka " << rd_kafka_name(handle) << ": " << reason;
}

} // namespace

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
    rd_kafka_conf_set_log_cb(conf.get(), &forward_log);
    rd_kafka_conf_set_error_cb(conf.get(), &forward_error);
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
