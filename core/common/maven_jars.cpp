#include "common/maven_jars.hpp"

#include <cstdlib>
#include <fstream>

#include "common/child_process.hpp"

namespace liveml {

namespace fs = std::filesystem;

fs::path cached_jars_dir(std::string_view folder) {
    fs::path cache;
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
        cache = xdg;
    else if (const char* home = std::getenv("HOME"); home && *home)
        cache = fs::path(home) / ".cache";
    else
        return {};
    return cache / "liveml" / folder / "libs";
}

// The install scripts write the list of jars they installed last: a folder half filled by an
// interrupted install, or with a jar removed since, does not count.
bool jars_complete(const fs::path& libs, std::string_view main_jar) {
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

std::string find_java() {
    if (const char* java_home = std::getenv("JAVA_HOME"); java_home && *java_home)
        if (auto java = find_on_path((fs::path(java_home) / "bin" / "java").string());
            !java.empty())
            return java;
    return find_on_path("java");
}

} // namespace liveml
