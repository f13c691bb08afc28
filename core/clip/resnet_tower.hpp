#pragma once
// A torchvision-style ResNet with basic blocks as a CLIP image tower (ResNet-18 for layers
// [2,2,2,2]): parameter names are torchvision's (conv1, bn1, layer1.0.conv1, …,
// layer2.0.downsample.0), so its weights map onto torchvision's resnet18 one for one. The
// classifier (fc) is dropped: visual_projection maps the pooled 512 features instead.
// Torch header: include only from .cpp files, tests and benchmarks.
#include "clip/clip_config.hpp"

#include <torch/torch.h>

#include <cstdint>

namespace liveml::clip {

class BasicBlockImpl : public torch::nn::Module {
  public:
    BasicBlockImpl(std::int64_t in, std::int64_t out, std::int64_t stride);
    torch::Tensor forward(const torch::Tensor& x);

    torch::nn::Conv2d conv1{nullptr}, conv2{nullptr};
    torch::nn::BatchNorm2d bn1{nullptr}, bn2{nullptr};
    torch::nn::Sequential downsample{nullptr}; // 1x1 conv + BN where the shape changes
};
TORCH_MODULE(BasicBlock);

class ResNetImageTowerImpl : public torch::nn::Module {
  public:
    explicit ResNetImageTowerImpl(const VisionConfig& c);
    // pixels: [B,C,S,S]. Returns the globally average-pooled features [B, hidden_size].
    torch::Tensor forward(const torch::Tensor& pixels);

    torch::nn::Conv2d conv1{nullptr};
    torch::nn::BatchNorm2d bn1{nullptr};
    std::vector<torch::nn::Sequential> layers; // registered as layer1 … layerN
};
TORCH_MODULE(ResNetImageTower);

// Multiply-adds of one image through the tower (for the threading heuristic).
double resnet_macs(const VisionConfig& c);

} // namespace liveml::clip
