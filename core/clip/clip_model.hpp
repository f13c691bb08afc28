#pragma once
// The CLIP dual encoder. Parameter names are exactly transformers' CLIPModel state-dict keys
// (text_model.*, vision_model.*, visual_projection.weight, text_projection.weight,
// logit_scale), so checkpoint I/O is a name-for-name copy. Torch header: include only from
// .cpp files, tests and benchmarks.
#include "clip/clip_config.hpp"
#include "clip/resnet_tower.hpp"
#include "clip/towers.hpp"

namespace liveml::clip {

class ClipModelImpl : public torch::nn::Module {
  public:
    // Parameters start with CLIP's initialisation (seeded by the caller's torch::manual_seed).
    explicit ClipModelImpl(const ClipConfig& config);

    // Projected, not yet normalised, embeddings: [B, projection_dim].
    torch::Tensor encode_image(const torch::Tensor& pixels);
    torch::Tensor encode_text(const torch::Tensor& ids);
    // exp(logit_scale) * cos(image_i, text_j): [B_images, B_texts].
    torch::Tensor logits_per_image(const torch::Tensor& pixels, const torch::Tensor& ids);

    const ClipConfig& config() const { return config_; }

    TextTransformer text_model{nullptr};
    VisionTransformer vit{nullptr};   // registered as "vision_model" for the ViT tower
    CnnImageTower cnn{nullptr};       // registered as "vision_model" for the CNN tower
    ResNetImageTower resnet{nullptr}; // registered as "vision_model" for the ResNet tower
    torch::nn::Linear visual_projection{nullptr}, text_projection{nullptr};
    // Set by a LoRA fine-tune (lora_set.hpp); empty otherwise.
    LoraAdapter visual_projection_lora{nullptr}, text_projection_lora{nullptr};
    torch::Tensor logit_scale;

  private:
    void init_weights();
    ClipConfig config_;
};
TORCH_MODULE(ClipModel);

torch::Tensor l2_normalize(const torch::Tensor& x);

ParameterCounts count_parameters(ClipModelImpl& model);

} // namespace liveml::clip
