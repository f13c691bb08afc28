#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace liveml::stream {

// The Apache Kafka release scripts/install-kafka.sh resolves from Maven Central. 3.9, not 4.x:
// 4.0 removed the old protocol versions (KIP-896) that Debian's kafka-python still speaks.
inline constexpr std::string_view kKafkaVersion = "3.9.2";

// What running a real broker needs: a Java runtime and the broker's jars.
struct KafkaInstall {
    std::string java;           // path of the java executable
    std::filesystem::path libs; // folder of kafka_2.13-<version>.jar and its dependencies
};

// Looks for java ($JAVA_HOME/bin/java, else PATH) and the jars ($LIVEML_KAFKA_LIBS, else
// ${XDG_CACHE_HOME:-~/.cache}/liveml/kafka-<version>/libs, complete per install-kafka.sh's
// list). nullopt with `why` set to a sentence saying what is missing and how to get it.
std::optional<KafkaInstall> find_kafka_install(std::string& why);

} // namespace liveml::stream
