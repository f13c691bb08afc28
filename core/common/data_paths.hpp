#pragma once
#include <filesystem>

namespace liveml {

// Directory holding bundled data (digits.csv.gz, …). Looked up in order: the
// LIVEML_DATA_DIR environment variable, share/liveml beside the running program's bin/, the
// configured install directory, the source tree.
// Throws std::runtime_error naming every place tried when none holds the file.
std::filesystem::path data_file(const std::filesystem::path& name);

} // namespace liveml
