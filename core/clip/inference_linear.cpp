#include "clip/inference_linear.hpp"

namespace liveml::clip {
namespace {

bool use_onednn(const torch::Tensor& x) {
    return !torch::GradMode::is_enabled() && x.is_cpu() && x.scalar_type() == torch::kFloat32 &&
           x.numel() > 0 && at::hasMKLDNN();
}

} // namespace

torch::Tensor apply_linear(torch::nn::Linear& layer, const torch::Tensor& x) {
    if (!use_onednn(x)) return layer->forward(x);
    const auto& weight = layer->weight;
    const auto in = x.reshape({-1, x.size(-1)}).contiguous().to_mkldnn();
    const auto bias = layer->bias.defined() ? c10::optional<torch::Tensor>(layer->bias)
                                            : c10::optional<torch::Tensor>();
    auto sizes = x.sizes().vec();
    sizes.back() = weight.size(0);
    // The weight stays a plain dense tensor: oneDNN reads it as is, so nothing is cached
    // that training or a checkpoint load could leave stale.
    return at::mkldnn_linear(in, weight, bias).to_dense().view(sizes);
}

torch::Tensor apply_linear(torch::nn::Linear& layer, const torch::Tensor& x,
                           const LoraAdapter& adapter) {
    auto y = apply_linear(layer, x);
    if (adapter) y = y + adapter->forward(x);
    return y;
}

} // namespace liveml::clip
