#pragma once
// Files the core tests write for themselves, in a per-process folder under the system temp dir
// so parallel CTest runs never share one.
#include <filesystem>
#include <string>
#include <string_view>

namespace liveml::testing {

// <tmp>/liveml-<tag>-<pid>, created on first use.
std::filesystem::path scratch_dir(std::string_view tag);
// Writes `bytes` to scratch_dir(tag)/name and returns its path.
std::filesystem::path scratch_file(std::string_view tag, std::string_view name,
                                   std::string_view bytes);
// `plain` compressed in gzip framing, as .gz files and zlib's gzread expect.
std::string gzip_bytes(std::string_view plain);

} // namespace liveml::testing
