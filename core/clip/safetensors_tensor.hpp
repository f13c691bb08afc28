#pragma once
// A LibTorch tensor as a safetensors entry, in fp32 (the layout model.safetensors and
// PEFT's adapter_model.safetensors share). Torch header: include only from .cpp files.
#include "safetensors/safetensors_writer.hpp"

#include <torch/torch.h>

#include <string>

namespace liveml::clip {

// Adds `tensor` (any device or float dtype) as an F32 entry named `name`.
void add_f32_tensor(safetensors::SafetensorsWriter& writer, const std::string& name,
                    const torch::Tensor& tensor);

} // namespace liveml::clip
