#pragma once
// bf16 autocast for the forward passes inside one scope, on the device the tensors live on.
// LibTorch keeps autocast state per thread, so the scope belongs to the thread that runs the
// forward. Torch header: include only from .cpp files and tests.
#include <torch/torch.h>

namespace liveml::clip {

class AutocastScope {
  public:
    // Does nothing when `on` is false.
    AutocastScope(const torch::Device& device, bool on);
    ~AutocastScope();
    AutocastScope(const AutocastScope&) = delete;
    AutocastScope& operator=(const AutocastScope&) = delete;

  private:
    c10::DeviceType type_;
    bool on_;
    bool was_enabled_ = false;
    at::ScalarType was_dtype_ = at::kFloat;
};

} // namespace liveml::clip
