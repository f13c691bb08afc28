#pragma once
// The linear layers of the CLIP towers. Debian's LibTorch runs torch::nn::Linear through the
// reference (netlib) BLAS: one thread, no blocking, ~0.2 GFLOP/s on a ViT-B/32 MLP layer.
// oneDNN, built into the same LibTorch, computes the same product 15-30x faster on all intra-op
// threads, so forward passes without autograd on CPU float32 go through it; training keeps
// torch's own (differentiable) linear. Torch header: include only from .cpp files.
#include "clip/lora_layer.hpp"

#include <torch/torch.h>

namespace liveml::clip {

// layer(x) for x of shape [..., in_features].
torch::Tensor apply_linear(torch::nn::Linear& layer, const torch::Tensor& x);
// The same plus a LoRA adapter's contribution when `adapter` is set.
torch::Tensor apply_linear(torch::nn::Linear& layer, const torch::Tensor& x,
                           const LoraAdapter& adapter);

} // namespace liveml::clip
