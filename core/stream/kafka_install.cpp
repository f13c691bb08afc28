#include "stream/kafka_install.hpp"

#include <cstdlib>
#include <fstream>

#include "common/child_process.hpp"

namespace liveml::stream {
namespace {

namespace fs = std::filesystem;

fs::path default_libs() {
    fs::path cache;
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
        cache = xdg;
    else if (const char* home = std::getenv("HOME"); home && *home)
        cache = fs::path(home) / ".cache";
    else
        return {};
    return cache / "liveml" / ("kafka-" + std::string(kKafkaVersion)) / "libs";
}

// install-kafka.sh writes the list of jars it installed last ("complete" beside libs/): a
// folder half filled by an interrupted install, or with a jar removed since, does not count.
bool complete(const fs::path& libs) {
    const auto main_jar = "kafka_2.13-" + std::string(kKafkaVersion) + ".jar";
    std::ifstream list(libs.parent_path() / "complete");
    if (!list) return fs::exists(libs / main_jar); // a folder laid out by hand
    bool has_main = false;
    for (std::string jar; std::getline(list, jar);) {
        std::error_code error;
        if (fs::file_size(libs / jar, error) == 0 || error) return false;
        has_main = has_main || jar == main_jar;
    }
    return has_main;
}

} // namespace

std::optional<KafkaInstall> find_kafka_install(std::string& why) {
    KafkaInstall install;
    if (const char* java_home = std::getenv("JAVA_HOME"); java_home && *java_home)
        install.java = find_on_path((fs::path(java_home) / "bin" / "java").string());
    if (install.java.empty()) install.java = find_on_path("java");
    if (install.java.empty()) {
        why = "no Java runtime (java) found: install openjdk-17-jre-headless "
              "(scripts/install-deps.sh does), or use --engine mock";
        return std::nullopt;
    }
    const char* override_libs = std::getenv("LIVEML_KAFKA_LIBS");
    install.libs = override_libs && *override_libs ? fs::path(override_libs) : default_libs();
    if (install.libs.empty() || !complete(install.libs)) {
        why = "the Apache Kafka " + std::string(kKafkaVersion) + " jars are not in " +
              (install.libs.empty() ? std::string("~/.cache/liveml") : install.libs.string()) +
              ": run scripts/install-kafka.sh (it needs Maven and Maven Central), set "
              "LIVEML_KAFKA_LIBS to a folder holding them, or use --engine mock";
        return std::nullopt;
    }
    return install;
}

} // namespace liveml::stream
