#include "clip/transformer_layers.hpp"

#include "clip/inference_linear.hpp"

#include <cmath>
#include <cstdint>
#include <stdexcept>

namespace liveml::clip {

Activation parse_activation(const std::string& name) {
    if (name == "quick_gelu") return Activation::QuickGelu;
    if (name == "gelu") return Activation::Gelu;
    throw std::invalid_argument("unsupported activation '" + name + "'");
}

torch::Tensor activate(const torch::Tensor& x, Activation act) {
    if (act == Activation::QuickGelu) return x * torch::sigmoid(1.702 * x);
    return torch::gelu(x);
}

torch::nn::LayerNorm make_layer_norm(std::int64_t width, double eps) {
    return torch::nn::LayerNorm(torch::nn::LayerNormOptions({width}).eps(eps));
}

ClipAttentionImpl::ClipAttentionImpl(std::int64_t hidden, std::int64_t heads)
    : heads_(heads), scale_(1.0 / std::sqrt(static_cast<double>(hidden / heads))) {
    q_proj = register_module("q_proj", torch::nn::Linear(hidden, hidden));
    k_proj = register_module("k_proj", torch::nn::Linear(hidden, hidden));
    v_proj = register_module("v_proj", torch::nn::Linear(hidden, hidden));
    out_proj = register_module("out_proj", torch::nn::Linear(hidden, hidden));
}

torch::Tensor ClipAttentionImpl::forward(const torch::Tensor& x, const torch::Tensor& mask) {
    const auto batch = x.size(0);
    const auto tokens = x.size(1);
    const auto width = x.size(2);
    const auto split = [&](const torch::Tensor& t) {
        return t.view({batch, tokens, heads_, width / heads_}).transpose(1, 2);
    };
    // Scale q before the product, as transformers does, so rounding matches its forward pass.
    const auto q = split(apply_linear(q_proj, x, q_lora) * scale_);
    const auto k = split(apply_linear(k_proj, x, k_lora));
    const auto v = split(apply_linear(v_proj, x, v_lora));
    auto weights = torch::matmul(q, k.transpose(-2, -1));
    if (mask.defined()) weights = weights + mask;
    weights = torch::softmax(weights, -1);
    const auto mixed = torch::matmul(weights, v).transpose(1, 2).reshape({batch, tokens, width});
    return apply_linear(out_proj, mixed, out_lora);
}

ClipMlpImpl::ClipMlpImpl(std::int64_t hidden, std::int64_t intermediate, Activation act)
    : act_(act) {
    fc1 = register_module("fc1", torch::nn::Linear(hidden, intermediate));
    fc2 = register_module("fc2", torch::nn::Linear(intermediate, hidden));
}

torch::Tensor ClipMlpImpl::forward(const torch::Tensor& x) {
    return apply_linear(fc2, activate(apply_linear(fc1, x, fc1_lora), act_), fc2_lora);
}

ClipEncoderLayerImpl::ClipEncoderLayerImpl(const EncoderShape& s) {
    self_attn = register_module("self_attn", ClipAttention(s.hidden, s.heads));
    layer_norm1 = register_module("layer_norm1", make_layer_norm(s.hidden, s.eps));
    mlp = register_module("mlp", ClipMlp(s.hidden, s.intermediate, s.act));
    layer_norm2 = register_module("layer_norm2", make_layer_norm(s.hidden, s.eps));
}

torch::Tensor ClipEncoderLayerImpl::forward(const torch::Tensor& x, const torch::Tensor& mask) {
    const auto h = x + self_attn(layer_norm1(x), mask);
    return h + mlp(layer_norm2(h));
}

EncoderStackImpl::EncoderStackImpl(const EncoderShape& shape) {
    layers = register_module("layers", torch::nn::ModuleList());
    for (std::int64_t i = 0; i < shape.layers; ++i)
        layers->push_back(ClipEncoderLayer(shape));
}

torch::Tensor EncoderStackImpl::forward(torch::Tensor x, const torch::Tensor& mask) {
    for (const auto& layer : *layers)
        x = layer->as<ClipEncoderLayerImpl>()->forward(x, mask);
    return x;
}

} // namespace liveml::clip
