#pragma once
// The text and image towers of CLIP, named like transformers' CLIPTextTransformer and
// CLIPVisionTransformer, plus our small CNN image tower. Each returns pooled features before
// the projection. Torch header: include only from .cpp files, tests and benchmarks.
#include "clip/clip_config.hpp"
#include "clip/transformer_layers.hpp"

#include <cstdint>

namespace liveml::clip {

class TextEmbeddingsImpl : public torch::nn::Module {
  public:
    explicit TextEmbeddingsImpl(const TextConfig& c);
    torch::Tensor forward(const torch::Tensor& ids);

    torch::nn::Embedding token_embedding{nullptr}, position_embedding{nullptr};
};
TORCH_MODULE(TextEmbeddings);

class TextTransformerImpl : public torch::nn::Module {
  public:
    explicit TextTransformerImpl(const TextConfig& c);
    // ids: [B,T] int64, T <= max_position_embeddings. Returns [B,hidden] at the end token.
    torch::Tensor forward(const torch::Tensor& ids);

    TextEmbeddings embeddings{nullptr};
    EncoderStack encoder{nullptr};
    torch::nn::LayerNorm final_layer_norm{nullptr};

  private:
    // Per row, the position whose hidden state is pooled.
    torch::Tensor pooled_positions(const torch::Tensor& ids) const;

    std::int64_t eos_token_id_;
    std::int64_t max_positions_;
    torch::Tensor causal_mask_; // [max_positions, max_positions], -inf above the diagonal
};
TORCH_MODULE(TextTransformer);

class VisionEmbeddingsImpl : public torch::nn::Module {
  public:
    explicit VisionEmbeddingsImpl(const VisionConfig& c);
    torch::Tensor forward(const torch::Tensor& pixels);

    torch::Tensor class_embedding;
    torch::nn::Conv2d patch_embedding{nullptr};
    torch::nn::Embedding position_embedding{nullptr};
};
TORCH_MODULE(VisionEmbeddings);

class VisionTransformerImpl : public torch::nn::Module {
  public:
    explicit VisionTransformerImpl(const VisionConfig& c);
    // pixels: [B,C,S,S] normalised. Returns post_layernorm(CLS) [B,hidden].
    torch::Tensor forward(const torch::Tensor& pixels);

    VisionEmbeddings embeddings{nullptr};
    torch::nn::LayerNorm pre_layrnorm{nullptr}; // sic: transformers' spelling
    EncoderStack encoder{nullptr};
    torch::nn::LayerNorm post_layernorm{nullptr};
};
TORCH_MODULE(VisionTransformer);

// conv3x3 + ReLU + 2x2 max-pool per stage, then a fully connected layer to hidden_size.
class CnnImageTowerImpl : public torch::nn::Module {
  public:
    explicit CnnImageTowerImpl(const VisionConfig& c);
    torch::Tensor forward(const torch::Tensor& pixels);

    torch::nn::ModuleList convs{nullptr};
    torch::nn::Linear fc{nullptr};
    LoraAdapter fc_lora{nullptr}; // set by a LoRA fine-tune
    torch::nn::LayerNorm post_layernorm{nullptr};
};
TORCH_MODULE(CnnImageTower);

} // namespace liveml::clip
