#include "temp_dir.hpp"

#include <stdlib.h>

#include <stdexcept>
#include <string>
#include <system_error>

namespace liveml::testing {

TempDir::TempDir(std::string_view tag) {
    std::string pattern =
        (std::filesystem::temp_directory_path() / ("liveml-" + std::string(tag) + "-XXXXXX"))
            .string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed for " + pattern);
    path_ = pattern;
}

TempDir::~TempDir() {
    std::error_code ignored; // a test that failed half-way must not also throw here
    std::filesystem::remove_all(path_, ignored);
}

} // namespace liveml::testing
