#include "clip/towers.hpp"

#include "clip/inference_linear.hpp"

#include <cstdint>

namespace liveml::clip {
namespace {

EncoderShape text_shape(const TextConfig& c) {
    return {c.hidden_size,         c.intermediate_size, c.num_hidden_layers,
            c.num_attention_heads, c.layer_norm_eps,    parse_activation(c.hidden_act)};
}

EncoderShape vision_shape(const VisionConfig& c) {
    return {c.hidden_size,         c.intermediate_size, c.num_hidden_layers,
            c.num_attention_heads, c.layer_norm_eps,    parse_activation(c.hidden_act)};
}

// transformers' configs from before 4.31 say eos_token_id 2 although the end token is the
// largest id; for them the pooled position is the argmax of the ids, as transformers does.
constexpr std::int64_t kLegacyEosId = 2;

} // namespace

TextEmbeddingsImpl::TextEmbeddingsImpl(const TextConfig& c) {
    token_embedding =
        register_module("token_embedding", torch::nn::Embedding(c.vocab_size, c.hidden_size));
    position_embedding = register_module(
        "position_embedding", torch::nn::Embedding(c.max_position_embeddings, c.hidden_size));
}

torch::Tensor TextEmbeddingsImpl::forward(const torch::Tensor& ids) {
    const auto positions = torch::arange(ids.size(1), ids.options().dtype(torch::kLong));
    return token_embedding(ids) + position_embedding(positions).unsqueeze(0);
}

TextTransformerImpl::TextTransformerImpl(const TextConfig& c)
    : eos_token_id_(c.eos_token_id), max_positions_(c.max_position_embeddings) {
    embeddings = register_module("embeddings", TextEmbeddings(c));
    encoder = register_module("encoder", EncoderStack(text_shape(c)));
    final_layer_norm =
        register_module("final_layer_norm", make_layer_norm(c.hidden_size, c.layer_norm_eps));
    // Built once and sliced per call: not a parameter, so never saved or loaded.
    causal_mask_ =
        register_buffer("causal_mask", torch::full({max_positions_, max_positions_},
                                                   -std::numeric_limits<float>::infinity())
                                           .triu(1));
}

torch::Tensor TextTransformerImpl::pooled_positions(const torch::Tensor& ids) const {
    if (eos_token_id_ == kLegacyEosId) return ids.argmax(-1);
    // First end token; rows without one pool at their last position.
    const auto is_eos = ids.eq(eos_token_id_).to(torch::kInt);
    const auto has_eos = is_eos.amax(-1).to(torch::kBool);
    return torch::where(has_eos, is_eos.argmax(-1),
                        torch::full_like(ids.select(1, 0), ids.size(1) - 1));
}

torch::Tensor TextTransformerImpl::forward(const torch::Tensor& ids) {
    TORCH_CHECK(ids.dim() == 2, "token ids must be [batch, tokens]");
    TORCH_CHECK(ids.size(1) <= max_positions_, "more tokens than max_position_embeddings");
    const auto eos_pos = pooled_positions(ids);
    // Under the causal mask nothing after a row's pooled position reaches it, so the batch
    // runs only up to the last pooled position: 77-token padded captions cost their length.
    const auto tokens = ids.size(0) == 0 ? ids.size(1) : eos_pos.max().item<std::int64_t>() + 1;
    auto x = embeddings(ids.narrow(1, 0, tokens));
    const auto mask = causal_mask_.narrow(0, 0, tokens).narrow(1, 0, tokens);
    x = final_layer_norm(encoder(x, mask));
    const auto rows = torch::arange(ids.size(0), ids.options().dtype(torch::kLong));
    return x.index({rows, eos_pos});
}

VisionEmbeddingsImpl::VisionEmbeddingsImpl(const VisionConfig& c) {
    class_embedding = register_parameter("class_embedding", torch::randn({c.hidden_size}));
    patch_embedding = register_module(
        "patch_embedding",
        torch::nn::Conv2d(torch::nn::Conv2dOptions(c.num_channels, c.hidden_size, c.patch_size)
                              .stride(c.patch_size)
                              .bias(false)));
    const auto patches = (c.image_size / c.patch_size) * (c.image_size / c.patch_size);
    position_embedding =
        register_module("position_embedding", torch::nn::Embedding(patches + 1, c.hidden_size));
}

torch::Tensor VisionEmbeddingsImpl::forward(const torch::Tensor& pixels) {
    const auto batch = pixels.size(0);
    const auto patches = patch_embedding(pixels).flatten(2).transpose(1, 2); // [B,N,D]
    const auto cls = class_embedding.view({1, 1, -1}).expand({batch, 1, -1});
    const auto tokens = torch::cat({cls, patches}, 1);
    TORCH_CHECK(tokens.size(1) == position_embedding->weight.size(0),
                "image size does not match the model's image_size");
    return tokens + position_embedding->weight.unsqueeze(0);
}

VisionTransformerImpl::VisionTransformerImpl(const VisionConfig& c) {
    embeddings = register_module("embeddings", VisionEmbeddings(c));
    pre_layrnorm =
        register_module("pre_layrnorm", make_layer_norm(c.hidden_size, c.layer_norm_eps));
    encoder = register_module("encoder", EncoderStack(vision_shape(c)));
    post_layernorm =
        register_module("post_layernorm", make_layer_norm(c.hidden_size, c.layer_norm_eps));
}

torch::Tensor VisionTransformerImpl::forward(const torch::Tensor& pixels) {
    auto x = pre_layrnorm(embeddings(pixels));
    x = encoder(x, torch::Tensor{});
    return post_layernorm(x.select(1, 0));
}

CnnImageTowerImpl::CnnImageTowerImpl(const VisionConfig& c) {
    convs = register_module("convs", torch::nn::ModuleList());
    std::int64_t channels = c.num_channels;
    std::int64_t side = c.image_size;
    for (const auto out : c.cnn_channels) {
        convs->push_back(torch::nn::Conv2d(torch::nn::Conv2dOptions(channels, out, 3).padding(1)));
        channels = out;
        side /= 2;
    }
    fc = register_module("fc", torch::nn::Linear(channels * side * side, c.hidden_size));
    post_layernorm =
        register_module("post_layernorm", make_layer_norm(c.hidden_size, c.layer_norm_eps));
}

torch::Tensor CnnImageTowerImpl::forward(const torch::Tensor& pixels) {
    auto x = pixels;
    for (const auto& conv : *convs)
        x = torch::max_pool2d(torch::relu(conv->as<torch::nn::Conv2dImpl>()->forward(x)), 2);
    return post_layernorm(torch::relu(apply_linear(fc, x.flatten(1), fc_lora)));
}

} // namespace liveml::clip
