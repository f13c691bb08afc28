#include "clip/resnet_tower.hpp"

#include <cstdint>

namespace liveml::clip {
namespace {

torch::nn::Conv2d conv(std::int64_t in, std::int64_t out, std::int64_t kernel,
                       std::int64_t stride) {
    return torch::nn::Conv2d(
        torch::nn::Conv2dOptions(in, out, kernel).stride(stride).padding(kernel / 2).bias(false));
}

constexpr std::int64_t kStemWidth = 64;

// Output side of a conv or pool with this kernel/stride/padding (floor, as PyTorch).
std::int64_t out_side(std::int64_t side, std::int64_t kernel, std::int64_t stride) {
    return (side + 2 * (kernel / 2) - kernel) / stride + 1;
}

} // namespace

BasicBlockImpl::BasicBlockImpl(std::int64_t in, std::int64_t out, std::int64_t stride) {
    conv1 = register_module("conv1", conv(in, out, 3, stride));
    bn1 = register_module("bn1", torch::nn::BatchNorm2d(out));
    conv2 = register_module("conv2", conv(out, out, 3, 1));
    bn2 = register_module("bn2", torch::nn::BatchNorm2d(out));
    if (stride != 1 || in != out)
        downsample =
            register_module("downsample", torch::nn::Sequential(conv(in, out, 1, stride),
                                                                torch::nn::BatchNorm2d(out)));
}

torch::Tensor BasicBlockImpl::forward(const torch::Tensor& x) {
    auto y = torch::relu(bn1(conv1(x)));
    y = bn2(conv2(y));
    return torch::relu(y + (downsample ? downsample->forward(x) : x));
}

ResNetImageTowerImpl::ResNetImageTowerImpl(const VisionConfig& c) {
    conv1 = register_module("conv1", conv(c.num_channels, kStemWidth, 7, 2));
    bn1 = register_module("bn1", torch::nn::BatchNorm2d(kStemWidth));
    std::int64_t channels = kStemWidth;
    for (std::size_t s = 0; s < c.resnet_layers.size(); ++s) {
        const auto width = kStemWidth << s;
        torch::nn::Sequential stage;
        for (std::int64_t b = 0; b < c.resnet_layers[s]; ++b) {
            stage->push_back(BasicBlock(channels, width, b == 0 && s > 0 ? 2 : 1));
            channels = width;
        }
        layers.push_back(register_module("layer" + std::to_string(s + 1), stage));
    }
}

torch::Tensor ResNetImageTowerImpl::forward(const torch::Tensor& pixels) {
    auto x = torch::relu(bn1(conv1(pixels)));
    x = torch::max_pool2d(x, 3, 2, 1);
    for (auto& stage : layers)
        x = stage->forward(x);
    return x.mean({2, 3});
}

double resnet_macs(const VisionConfig& c) {
    auto side = out_side(c.image_size, 7, 2);
    double macs = static_cast<double>(side * side * c.num_channels * kStemWidth * 49);
    side = out_side(side, 3, 2);
    std::int64_t channels = kStemWidth;
    for (std::size_t s = 0; s < c.resnet_layers.size(); ++s) {
        const auto width = kStemWidth << s;
        for (std::int64_t b = 0; b < c.resnet_layers[s]; ++b) {
            if (b == 0 && s > 0) side = out_side(side, 3, 2);
            macs += static_cast<double>(side * side * 9 * width * (channels + width));
            channels = width;
        }
    }
    return macs;
}

} // namespace liveml::clip
