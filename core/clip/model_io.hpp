#pragma once
// Reads and writes a CLIP model as a Hugging Face directory (config.json + model.safetensors;
// the tokenizer's vocab.json and merges.txt sit beside them and are handled by the caller).
// Torch header: include only from .cpp files, tests and benchmarks.
#include "clip/clip_model.hpp"

#include <filesystem>

namespace liveml::safetensors {
class SafetensorsFile;
}

namespace liveml::clip {

// Copies every tensor of `file` into the parameter (or batch-norm running statistic) of the
// same name. Strict: a missing key, an unexpected key (other than *.embeddings.position_ids,
// which older files carry, and *.num_batches_tracked, torchvision's step counter) or a
// shape mismatch throws std::runtime_error listing the offending keys. F32/F16/BF16/F64 are
// widened to float32.
void load_weights(ClipModelImpl& model, const safetensors::SafetensorsFile& file);
// Writes every parameter and batch-norm running statistic as F32 under its Hugging Face
// (or torchvision) key (atomically).
void save_weights(ClipModelImpl& model, const std::filesystem::path& file);

// config.json + model.safetensors from `dir`, on the CPU.
ClipModel load_clip_model(const std::filesystem::path& dir);
// Writes config.json and model.safetensors into `dir` (created if needed).
void save_clip_model(ClipModelImpl& model, const std::filesystem::path& dir);

} // namespace liveml::clip
