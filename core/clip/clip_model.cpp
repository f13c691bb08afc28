#include "clip/clip_model.hpp"

#include "clip/inference_linear.hpp"
#include "clip/serial_scope.hpp"

#include <cmath>
#include <cstdint>

namespace liveml::clip {

namespace {

// Multiply-adds of the linear layers of `layers` pre-LN blocks over `rows` token rows.
double encoder_macs(double rows, std::int64_t layers, std::int64_t hidden,
                    std::int64_t intermediate) {
    const auto h = static_cast<double>(hidden);
    return rows * static_cast<double>(layers) *
           (4 * h * h + 2 * h * static_cast<double>(intermediate));
}

double image_macs(const VisionConfig& v, std::int64_t batch) {
    if (v.tower == ImageTower::ResNet) return static_cast<double>(batch) * resnet_macs(v);
    if (v.tower == ImageTower::Vit) {
        const auto side = v.image_size / v.patch_size;
        return encoder_macs(static_cast<double>(batch * (side * side + 1)), v.num_hidden_layers,
                            v.hidden_size, v.intermediate_size);
    }
    double macs = 0;
    auto side = static_cast<double>(v.image_size);
    auto channels = static_cast<double>(v.num_channels);
    for (const auto out : v.cnn_channels) {
        macs += side * side * channels * static_cast<double>(out) * 9;
        channels = static_cast<double>(out);
        side = std::floor(side / 2);
    }
    return static_cast<double>(batch) *
           (macs + side * side * channels * static_cast<double>(v.hidden_size));
}

} // namespace

torch::Tensor l2_normalize(const torch::Tensor& x) {
    return x / x.norm(2, -1, true);
}

ParameterCounts count_parameters(ClipModelImpl& model) {
    ParameterCounts counts;
    for (const auto& item : model.named_parameters()) {
        const auto& name = item.key();
        const auto n = item.value().numel();
        counts.total += n;
        if (name.starts_with("vision_model.") || name.starts_with("visual_projection."))
            counts.image += n;
        else if (name.starts_with("text_model.") || name.starts_with("text_projection."))
            counts.text += n;
    }
    return counts;
}

ClipModelImpl::ClipModelImpl(const ClipConfig& config) : config_(config) {
    config_.validate();
    text_model = register_module("text_model", TextTransformer(config_.text));
    if (config_.vision.tower == ImageTower::Vit) {
        vit = register_module("vision_model", VisionTransformer(config_.vision));
    } else if (config_.vision.tower == ImageTower::ResNet) {
        resnet = register_module("vision_model", ResNetImageTower(config_.vision));
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
// embeddings, width-scaled linear and conv layers, zero biases, unit norms.
void ClipModelImpl::init_weights() {
    torch::NoGradGuard no_grad;
    for (auto& item : named_parameters()) {
        const auto& name = item.key();
        auto& p = item.value();
        if (name == "logit_scale") continue;
        // LayerNorms, and the ResNet tower's batch norms (torchvision names them bn1, bn2 and
        // downsample.1).
        const bool is_norm = name.find("norm") != std::string::npos ||
                             name.find(".bn") != std::string::npos ||
                             name.find(".downsample.1.") != std::string::npos;
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
    const SerialScope small(image_macs(config_.vision, pixels.size(0)));
    const auto pooled = vit ? vit(pixels) : resnet ? resnet(pixels) : cnn(pixels);
    return apply_linear(visual_projection, pooled, visual_projection_lora);
}

torch::Tensor ClipModelImpl::encode_text(const torch::Tensor& ids) {
    const auto& t = config_.text;
    const SerialScope small(encoder_macs(static_cast<double>(ids.numel()), t.num_hidden_layers,
                                         t.hidden_size, t.intermediate_size));
    return apply_linear(text_projection, text_model(ids), text_projection_lora);
}

torch::Tensor ClipModelImpl::logits_per_image(const torch::Tensor& pixels,
                                              const torch::Tensor& ids) {
    const auto img = l2_normalize(encode_image(pixels));
    const auto txt = l2_normalize(encode_text(ids));
    return logit_scale.exp() * torch::matmul(img, txt.t());
}

} // namespace liveml::clip
