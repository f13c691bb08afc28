#pragma once
// Sizes of a CLIP dual encoder, read from and written to a Hugging Face style config.json
// (text_config / vision_config / projection_dim). Torch-free so CLI code can inspect a model
// directory cheaply.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace liveml::clip {

struct TextConfig {
    std::int64_t vocab_size = 49408;
    std::int64_t hidden_size = 512;
    std::int64_t intermediate_size = 2048;
    std::int64_t num_hidden_layers = 12;
    std::int64_t num_attention_heads = 8;
    std::int64_t max_position_embeddings = 77;
    std::string hidden_act = "quick_gelu";
    double layer_norm_eps = 1e-5;
    std::int64_t bos_token_id = 49406;
    std::int64_t eos_token_id = 49407;
    std::int64_t pad_token_id = 1;
};

// HF can only load the "vit" tower; "cnn" is our small convolutional tower for 28x28 data and
// "resnet" a torchvision-style ResNet with basic blocks (ResNet-18 for [2,2,2,2]), recorded in
// config.json as vision_config.liveml_image_tower.
enum class ImageTower { Vit, Cnn, ResNet };

struct VisionConfig {
    ImageTower tower = ImageTower::Vit;
    std::int64_t hidden_size = 768;
    std::int64_t intermediate_size = 3072;
    std::int64_t num_hidden_layers = 12;
    std::int64_t num_attention_heads = 12;
    std::int64_t num_channels = 3;
    std::int64_t image_size = 224;
    std::int64_t patch_size = 32;
    std::string hidden_act = "quick_gelu";
    double layer_norm_eps = 1e-5;
    // Output channels of each conv stage of the CNN tower (each stage halves the resolution).
    std::vector<std::int64_t> cnn_channels;
    // Basic blocks per stage of the ResNet tower; stage s has 64·2^s channels, so hidden_size
    // is 64·2^(stages-1) (512 for ResNet-18).
    std::vector<std::int64_t> resnet_layers;
};

struct ClipConfig {
    TextConfig text;
    VisionConfig vision;
    std::int64_t projection_dim = 512;
    double logit_scale_init_value = 2.6592; // ln(1/0.07), as in CLIP

    // Throws std::invalid_argument naming the first inconsistent size.
    void validate() const;
};

// Parameters per tower: the image side is vision_model.* and visual_projection, the text side
// text_model.* and text_projection; total adds logit_scale.
struct ParameterCounts {
    std::int64_t image = 0;
    std::int64_t text = 0;
    std::int64_t total = 0;
};

// Parses config.json text; fields missing from it take transformers' CLIPConfig defaults.
// Throws std::runtime_error for malformed JSON or wrongly typed fields.
ClipConfig parse_clip_config(const std::string& json_text, const std::string& source);
ClipConfig load_clip_config(const std::filesystem::path& path);
std::string clip_config_to_json(const ClipConfig& config);

// The random ViT-B/32 shape (openai/clip-vit-base-patch32) used by benchmarks.
ClipConfig vit_b32_config();
// The original design's "LightCLIP" student: a ResNet-18 image tower and a 6-layer, width-512
// text Transformer, projected to `projection_dim` (the teacher's, for feature distillation).
ClipConfig light_config(std::int64_t vocab_size, std::int64_t bos_token_id,
                        std::int64_t eos_token_id, std::int64_t image_size,
                        std::int64_t num_channels, std::int64_t projection_dim);
// `clip train --preset large`: the teacher for 28x28 data, about 14x the parameters of
// small_cnn_config — a wide 64/128/256-channel CNN with a 512-wide output and a 4-layer,
// width-256 text Transformer, projected to 256.
ClipConfig large_cnn_config(std::int64_t vocab_size, std::int64_t bos_token_id,
                            std::int64_t eos_token_id, std::int64_t image_size,
                            std::int64_t num_channels);
// Our small default for Fashion-MNIST / digits: CNN tower on 1x28x28 input, tiny text side.
// Token ids come from the vocabulary the model is trained with.
ClipConfig small_cnn_config(std::int64_t vocab_size, std::int64_t bos_token_id,
                            std::int64_t eos_token_id, std::int64_t image_size,
                            std::int64_t num_channels);

} // namespace liveml::clip
