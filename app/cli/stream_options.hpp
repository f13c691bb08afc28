#pragma once
// Flags shared by the streaming subcommands: where Kafka is and raw librdkafka properties.
#include <string>
#include <vector>

#include "stream/kafka_config.hpp"

namespace CLI {
class App;
}

namespace liveml::cli {

// Adds --producer-property/--consumer-property style repeated k=v flags.
void add_property_option(CLI::App& cmd, const std::string& flag, std::vector<std::string>& into,
                         const std::string& what);

// bootstrap.servers first, then the user's k=v properties (which may override anything,
// e.g. security.protocol=SASL_SSL). Throws CLI::ValidationError for a malformed property.
stream::KafkaProperties kafka_properties(const std::string& brokers,
                                         const std::vector<std::string>& user_properties);

} // namespace liveml::cli
