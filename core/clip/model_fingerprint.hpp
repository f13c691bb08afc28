#pragma once
// A short identity of a model directory's weights, so an index can tell that its embeddings
// came from another model (or an older checkpoint of the same directory). Torch-free.
#include <filesystem>
#include <string>

namespace liveml::clip {

// Hex digest of config.json and of model.safetensors' size, first and last MiB: any
// training step rewrites every tensor, so samples suffice, and hashing a 600 MB ViT-B/32
// file whole on every `index` run would cost seconds. Copies of a directory share it.
// Throws std::runtime_error when the files cannot be read.
std::string model_fingerprint(const std::filesystem::path& model_dir);

} // namespace liveml::clip
