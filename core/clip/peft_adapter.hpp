#pragma once
// LoRA adapters in PEFT's layout (see ../shared/specs/peft-lora-adapter.md and
// docs/finetune.md): adapter_config.json and adapter_model.safetensors with keys
// base_model.model.<module path>.lora_A.weight / lora_B.weight, so Python users load them onto
// transformers' CLIPModel with PEFT. Writer and reader side by side. Torch header: include
// only from .cpp files and tests.
#include "clip/lora_set.hpp"

#include <filesystem>
#include <string>

namespace liveml::clip {

inline constexpr const char* kAdapterConfigFile = "adapter_config.json";
inline constexpr const char* kAdapterWeightsFile = "adapter_model.safetensors";

// The config fields PEFT 0.6.2 writes for a bare CLIPModel, and no others (0.6.2 refuses
// unknown fields); rsLoRA adds use_rslora, which needs a newer PEFT.
std::string adapter_config_json(const LoraSet& set, const std::string& base_model);
// Writes both files into `dir` (created if needed), each atomically.
void write_peft_adapter(const std::filesystem::path& dir, const LoraSet& set,
                        const std::string& base_model);

// Settings read from adapter_config.json (targets/towers are left at their defaults: the
// tensor names say which layers are adapted). Throws std::runtime_error naming the file for
// a config that is not PEFT LoRA or uses what we do not implement (fan_in_fan_out, bias
// other than "none", rank_pattern/alpha_pattern, DoRA).
LoraSettings read_adapter_settings(const std::filesystem::path& dir);
// Attaches the adapter in `dir` to `model` (on the model's device). Throws
// std::runtime_error for a missing file, a key that is not a LoRA weight, an A without its B,
// or a layer the model does not have — unlike PEFT, which skips misnamed keys silently.
LoraSet read_peft_adapter(const std::filesystem::path& dir, ClipModelImpl& model);

} // namespace liveml::clip
