#include "common/data_paths.hpp"

#include <cstdlib>
#include <stdexcept>
#include <string>
#include <vector>

namespace liveml {

namespace {

// <prefix>/share/liveml for the running <prefix>/bin/program. The configured install
// directory alone is not enough: the .deb installs into /usr whatever prefix the build was
// configured with (found by `make package-test`: the studio looked in /usr/local).
std::filesystem::path beside_executable() {
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec) return {};
    return exe.parent_path().parent_path() / "share" / "liveml";
}

} // namespace

std::filesystem::path data_file(const std::filesystem::path& name) {
    std::vector<std::filesystem::path> dirs;
    if (const char* env = std::getenv("LIVEML_DATA_DIR"); env && *env) dirs.emplace_back(env);
    if (auto dir = beside_executable(); !dir.empty()) dirs.push_back(std::move(dir));
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
