#include "common/data_paths.hpp"

#include <cstdlib>
#include <stdexcept>
#include <string>
#include <vector>

namespace liveml {

std::filesystem::path data_file(const std::filesystem::path& name) {
    std::vector<std::filesystem::path> dirs;
    if (const char* env = std::getenv("LIVEML_DATA_DIR"); env && *env) dirs.emplace_back(env);
    dirs.emplace_back(LIVEML_INSTALL_DATA_DIR);
    dirs.emplace_back(LIVEML_SOURCE_DATA_DIR);
    std::string tried;
    for (const auto& dir : dirs) {
        auto candidate = dir / name;
        std::error_code ec;
        if (std::filesystem::is_regular_file(candidate, ec)) return candidate;
        tried += "\n  " + candidate.string();
    }
    throw std::runtime_error("bundled data file " + name.string() + " not found; tried:" + tried);
}

} // namespace liveml
