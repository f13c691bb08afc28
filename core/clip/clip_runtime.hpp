#pragma once
// Applies RuntimeOptions to LibTorch. Torch header: include only from .cpp files.
#include "clip/runtime_options.hpp"

#include <torch/torch.h>

namespace liveml::clip {

// Sets the thread count and returns the chosen device. Throws std::runtime_error when CUDA
// is asked for but this LibTorch build sees no such GPU, or bf16 on a CPU.
torch::Device apply_runtime(const RuntimeOptions& options);
// "auto", "cpu", "cuda" or "cuda:N" as a device this process can use; throws
// std::runtime_error for a GPU that is not there.
torch::Device pick_device(const std::string& device);
std::string device_text(const torch::Device& device);
// Whether forward passes on `device` run under bf16 autocast (RuntimeOptions::precision).
bool bf16_autocast(const RuntimeOptions& options, const torch::Device& device, bool training);

} // namespace liveml::clip
