#pragma once
// Pre-LN transformer blocks shared by the text and vision towers. Child module names follow
// transformers' CLIPEncoder (self_attn.{q,k,v,out}_proj, layer_norm1/2, mlp.fc1/fc2) so a
// state dict maps 1:1 onto Hugging Face keys. Torch header: include only from .cpp files.
#include "clip/lora_layer.hpp"

#include <torch/torch.h>

#include <cstdint>
#include <string>

namespace liveml::clip {

enum class Activation { QuickGelu, Gelu };
Activation parse_activation(const std::string& name);
torch::Tensor activate(const torch::Tensor& x, Activation act);

struct EncoderShape {
    std::int64_t hidden = 0;
    std::int64_t intermediate = 0;
    std::int64_t layers = 0;
    std::int64_t heads = 0;
    double eps = 1e-5;
    Activation act = Activation::QuickGelu;
};

class ClipAttentionImpl : public torch::nn::Module {
  public:
    ClipAttentionImpl(std::int64_t hidden, std::int64_t heads);
    // `mask` is additive ([T,T], -inf where attention is forbidden) or undefined.
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& mask);

    torch::nn::Linear q_proj{nullptr}, k_proj{nullptr}, v_proj{nullptr}, out_proj{nullptr};
    // Set by a LoRA fine-tune (lora_set.hpp); empty otherwise.
    LoraAdapter q_lora{nullptr}, k_lora{nullptr}, v_lora{nullptr}, out_lora{nullptr};

  private:
    std::int64_t heads_;
    double scale_;
};
TORCH_MODULE(ClipAttention);

class ClipMlpImpl : public torch::nn::Module {
  public:
    ClipMlpImpl(std::int64_t hidden, std::int64_t intermediate, Activation act);
    torch::Tensor forward(const torch::Tensor& x);

    torch::nn::Linear fc1{nullptr}, fc2{nullptr};
    LoraAdapter fc1_lora{nullptr}, fc2_lora{nullptr}; // set by a LoRA fine-tune

  private:
    Activation act_;
};
TORCH_MODULE(ClipMlp);

class ClipEncoderLayerImpl : public torch::nn::Module {
  public:
    explicit ClipEncoderLayerImpl(const EncoderShape& shape);
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& mask);

    ClipAttention self_attn{nullptr};
    torch::nn::LayerNorm layer_norm1{nullptr}, layer_norm2{nullptr};
    ClipMlp mlp{nullptr};
};
TORCH_MODULE(ClipEncoderLayer);

class EncoderStackImpl : public torch::nn::Module {
  public:
    explicit EncoderStackImpl(const EncoderShape& shape);
    torch::Tensor forward(torch::Tensor x, const torch::Tensor& mask);

    torch::nn::ModuleList layers{nullptr};
};
TORCH_MODULE(EncoderStack);

torch::nn::LayerNorm make_layer_norm(std::int64_t width, double eps);

} // namespace liveml::clip
