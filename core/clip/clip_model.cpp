#include "clip/clip_model.hpp"

#include <cmath>

namespace liveml::clip {

torch::Tensor l2_normalize(const torch::Tensor& x) {
    return x / x.norm(2, -1, true);
}

ClipModelImpl::ClipModelImpl(const ClipConfig& config) : config_(config) {
    config_.validate();
    text_model = register_module("text_model", TextTransformer(config_.text));
    if (config_.vision.tower == ImageTower::Vit) {
        vit = register_module("vision_model", VisionTransformer(config_.vision));
    } else {
        cnn = register_module("vision_model", CnnImageTower(config_.vision));
    }
    visual_projection = register_module(
        "visual_projection", torch::nn::Linear(torch::nn::LinearOptions(config_.vision.hidden_size,
                                                                        config_.projection_dim)
                                                   .bias(false)));
    text_projection = register_module(
        "text_projection",
        torch::nn::Linear(torch::nn::LinearOptions(config_.text.hidden_size, config_.projection_dim)
                              .bias(false)));
    logit_scale = register_parameter(
        "logit_scale", torch::tensor(static_cast<float>(config_.logit_scale_init_value)));
    init_weights();
}

// Follows the spirit of transformers' CLIPPreTrainedModel._init_weights: small normal
// embeddings, width-scaled linear layers, zero biases, unit LayerNorms.
void ClipModelImpl::init_weights() {
    torch::NoGradGuard no_grad;
    for (auto& item : named_parameters()) {
        const auto& name = item.key();
        auto& p = item.value();
        if (name == "logit_scale") continue;
        const bool is_norm = name.find("norm") != std::string::npos;
        if (name.ends_with(".bias")) {
            p.zero_();
        } else if (is_norm) {
            p.fill_(1.0);
        } else if (p.dim() >= 2 && name.find("embedding") == std::string::npos) {
            const double fan_in = static_cast<double>(p.numel() / p.size(0));
            p.normal_(0.0, 1.0 / std::sqrt(fan_in));
        } else {
            p.normal_(0.0, 0.02);
        }
    }
}

torch::Tensor ClipModelImpl::encode_image(const torch::Tensor& pixels) {
    const auto pooled = vit ? vit(pixels) : cnn(pixels);
    return visual_projection(pooled);
}

torch::Tensor ClipModelImpl::encode_text(const torch::Tensor& ids) {
    return text_projection(text_model(ids));
}

torch::Tensor ClipModelImpl::logits_per_image(const torch::Tensor& pixels,
                                              const torch::Tensor& ids) {
    const auto img = l2_normalize(encode_image(pixels));
    const auto txt = l2_normalize(encode_text(ids));
    return logit_scale.exp() * torch::matmul(img, txt.t());
}

} // namespace liveml::clip
