#pragma once
#include <cstddef>
#include <filesystem>
#include <string>

namespace liveml {

// Reads a whole file, refusing files larger than max_bytes (an outside file must not be
// able to exhaust memory). Throws std::runtime_error with the path and the reason.
std::string read_file_bytes(const std::filesystem::path& path, std::size_t max_bytes);

// Same, but transparently inflates gzip data (detected by its magic bytes, not the name);
// max_bytes bounds the inflated size too.
std::string read_maybe_gzip(const std::filesystem::path& path, std::size_t max_bytes);

// Writes atomically: a temporary file beside the target, then rename, so readers never
// see a half-written file.
void write_file_atomic(const std::filesystem::path& path, const std::string& bytes);

} // namespace liveml
