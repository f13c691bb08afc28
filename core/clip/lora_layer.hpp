#pragma once
// One LoRA adapter (Hu et al., 2021) beside a frozen Linear: y = W x + b + s · B A dropout(x),
// A [r, in], B [out, r], s = alpha / r (or alpha / √r for rsLoRA). Initialised as PEFT does
// (A Kaiming-uniform with a = √5, B = 0), so a new adapter leaves the layer's output unchanged.
// Not registered as a child of the layer it adapts: the model's state dict keeps the base
// model's keys, and the adapter's tensors are written apart (peft_adapter.hpp). Torch header:
// include only from .cpp files and tests.
#include <torch/torch.h>

#include <cstdint>

namespace liveml::clip {

class LoraAdapterImpl : public torch::nn::Module {
  public:
    LoraAdapterImpl(std::int64_t in_features, std::int64_t out_features, std::int64_t rank,
                    double scale, double dropout);

    // The adapter's contribution s · B A dropout(x) for x of shape [..., in_features]; dropout
    // only while the module is training.
    torch::Tensor forward(const torch::Tensor& x) const;
    // s · B A: what merging adds to the base weight.
    torch::Tensor delta_weight() const;

    torch::Tensor lora_A, lora_B;
    double scale() const { return scale_; }

  private:
    double scale_;
    double dropout_;
};
TORCH_MODULE(LoraAdapter);

} // namespace liveml::clip
