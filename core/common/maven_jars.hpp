#pragma once
// The Java servers we run from Maven jars (Apache Kafka, S3Proxy): scripts/install-*.sh resolve
// them into ${XDG_CACHE_HOME:-~/.cache}/liveml/<name>-<version>/libs and list what they wrote in
// "complete" beside libs/.
#include <filesystem>
#include <string>
#include <string_view>

namespace liveml {

// ${XDG_CACHE_HOME:-$HOME/.cache}/liveml/<folder>/libs; empty when neither variable is set.
std::filesystem::path cached_jars_dir(std::string_view folder);

// True when every jar the install script listed is still there (non-empty) and the list names
// main_jar; a folder laid out by hand (no list) counts when it holds main_jar.
bool jars_complete(const std::filesystem::path& libs, std::string_view main_jar);

// $JAVA_HOME/bin/java, else java on PATH; "" when there is none.
std::string find_java();

} // namespace liveml
