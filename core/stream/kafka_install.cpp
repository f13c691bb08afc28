#include "stream/kafka_install.hpp"

#include <cstdlib>

#include "common/maven_jars.hpp"

namespace liveml::stream {

namespace fs = std::filesystem;

std::optional<KafkaInstall> find_kafka_install(std::string& why) {
    KafkaInstall install;
    install.java = find_java();
    if (install.java.empty()) {
        why = "no Java runtime (java) found: install openjdk-17-jre-headless "
              "(scripts/install-deps.sh does), or use --engine mock";
        return std::nullopt;
    }
    const char* override_libs = std::getenv("LIVEML_KAFKA_LIBS");
    install.libs = override_libs && *override_libs
                       ? fs::path(override_libs)
                       : cached_jars_dir("kafka-" + std::string(kKafkaVersion));
    if (install.libs.empty() ||
        !jars_complete(install.libs, "kafka_2.13-" + std::string(kKafkaVersion) + ".jar")) {
        why = "the Apache Kafka " + std::string(kKafkaVersion) + " jars are not in " +
              (install.libs.empty() ? std::string("~/.cache/liveml") : install.libs.string()) +
              ": run scripts/install-kafka.sh (it needs Maven and Maven Central), set "
              "LIVEML_KAFKA_LIBS to a folder holding them, or use --engine mock";
        return std::nullopt;
    }
    return install;
}

} // namespace liveml::stream
