#include "stream_options.hpp"

#include <CLI/CLI.hpp>

#include <stdexcept>

namespace liveml::cli {

void add_property_option(CLI::App& cmd, const std::string& flag, std::vector<std::string>& into,
                         const std::string& what) {
    cmd.add_option(flag, into,
                   "librdkafka property key=value for the " + what +
                       " (repeatable; e.g. security.protocol=SASL_SSL)")
        ->type_name("KEY=VALUE")
        ->check([](const std::string& text) {
            try {
                stream::parse_property(text);
                return std::string();
            } catch (const std::invalid_argument& e) {
                return std::string(e.what());
            }
        });
}

stream::KafkaProperties kafka_properties(const std::string& brokers,
                                         const std::vector<std::string>& user_properties) {
    stream::KafkaProperties properties{{"bootstrap.servers", brokers}};
    for (const auto& text : user_properties)
        properties.push_back(stream::parse_property(text));
    return properties;
}

} // namespace liveml::cli
