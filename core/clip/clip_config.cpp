#include "clip/clip_config.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace liveml::clip {
namespace {

using nlohmann::json;

// Reads `key` from `obj` when present; a value of the wrong type is an error, not a default.
template <typename T>
void read_field(const json& obj, const char* key, T& out, const std::string& where) {
    const auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return;
    try {
        out = it->get<T>();
    } catch (const json::exception&) {
        throw std::runtime_error(where + ": field '" + key + "' has the wrong type");
    }
}

void check_positive(std::int64_t value, const char* name) {
    if (value <= 0) throw std::invalid_argument(std::string("config: ") + name + " must be > 0");
}

void check_activation(const std::string& act, const char* tower) {
    if (act != "quick_gelu" && act != "gelu")
        throw std::invalid_argument(std::string("config: ") + tower + " hidden_act '" + act +
                                    "' is not supported (quick_gelu or gelu)");
}

} // namespace

void ClipConfig::validate() const {
    check_positive(projection_dim, "projection_dim");
    check_positive(text.vocab_size, "text_config.vocab_size");
    check_positive(text.hidden_size, "text_config.hidden_size");
    check_positive(text.intermediate_size, "text_config.intermediate_size");
    check_positive(text.num_hidden_layers, "text_config.num_hidden_layers");
    check_positive(text.num_attention_heads, "text_config.num_attention_heads");
    check_positive(text.max_position_embeddings, "text_config.max_position_embeddings");
    if (text.hidden_size % text.num_attention_heads != 0)
        throw std::invalid_argument("config: text hidden_size is not divisible by the heads");
    if (text.eos_token_id < 0 || text.eos_token_id >= text.vocab_size)
        throw std::invalid_argument("config: text eos_token_id is outside the vocabulary");
    check_activation(text.hidden_act, "text_config");
    check_positive(vision.hidden_size, "vision_config.hidden_size");
    check_positive(vision.num_channels, "vision_config.num_channels");
    check_positive(vision.image_size, "vision_config.image_size");
    if (vision.tower == ImageTower::Vit) {
        check_positive(vision.intermediate_size, "vision_config.intermediate_size");
        check_positive(vision.num_hidden_layers, "vision_config.num_hidden_layers");
        check_positive(vision.num_attention_heads, "vision_config.num_attention_heads");
        check_positive(vision.patch_size, "vision_config.patch_size");
        if (vision.hidden_size % vision.num_attention_heads != 0)
            throw std::invalid_argument("config: vision hidden_size is not divisible by the heads");
        if (vision.image_size % vision.patch_size != 0)
            throw std::invalid_argument("config: image_size is not a multiple of patch_size");
        check_activation(vision.hidden_act, "vision_config");
    } else if (vision.tower == ImageTower::ResNet) {
        if (vision.resnet_layers.empty())
            throw std::invalid_argument("config: the resnet tower needs liveml_resnet_layers");
        for (const auto blocks : vision.resnet_layers)
            check_positive(blocks, "vision_config.liveml_resnet_layers[]");
        const auto width = std::int64_t{64} << (vision.resnet_layers.size() - 1);
        if (vision.hidden_size != width)
            throw std::invalid_argument("config: a resnet tower of " +
                                        std::to_string(vision.resnet_layers.size()) +
                                        " stages has hidden_size " + std::to_string(width));
    } else {
        if (vision.cnn_channels.empty())
            throw std::invalid_argument("config: the cnn tower needs liveml_cnn_channels");
        std::int64_t side = vision.image_size;
        for (const auto c : vision.cnn_channels) {
            check_positive(c, "vision_config.liveml_cnn_channels[]");
            side /= 2;
        }
        if (side < 1) throw std::invalid_argument("config: too many cnn stages for the image size");
    }
}

ClipConfig parse_clip_config(const std::string& json_text, const std::string& source) {
    json root;
    try {
        root = json::parse(json_text);
    } catch (const json::parse_error& e) {
        throw std::runtime_error(source + ": not valid JSON (" + e.what() + ")");
    }
    if (!root.is_object()) throw std::runtime_error(source + ": config is not a JSON object");
    ClipConfig c;
    read_field(root, "projection_dim", c.projection_dim, source);
    read_field(root, "logit_scale_init_value", c.logit_scale_init_value, source);
    if (const auto it = root.find("text_config"); it != root.end() && it->is_object()) {
        const auto& t = *it;
        auto& o = c.text;
        read_field(t, "vocab_size", o.vocab_size, source);
        read_field(t, "hidden_size", o.hidden_size, source);
        read_field(t, "intermediate_size", o.intermediate_size, source);
        read_field(t, "num_hidden_layers", o.num_hidden_layers, source);
        read_field(t, "num_attention_heads", o.num_attention_heads, source);
        read_field(t, "max_position_embeddings", o.max_position_embeddings, source);
        read_field(t, "hidden_act", o.hidden_act, source);
        read_field(t, "layer_norm_eps", o.layer_norm_eps, source);
        read_field(t, "bos_token_id", o.bos_token_id, source);
        read_field(t, "eos_token_id", o.eos_token_id, source);
        read_field(t, "pad_token_id", o.pad_token_id, source);
    }
    if (const auto it = root.find("vision_config"); it != root.end() && it->is_object()) {
        const auto& v = *it;
        auto& o = c.vision;
        std::string tower = "vit";
        read_field(v, "liveml_image_tower", tower, source);
        if (tower == "cnn") {
            o.tower = ImageTower::Cnn;
        } else if (tower == "resnet") {
            o.tower = ImageTower::ResNet;
        } else if (tower != "vit") {
            throw std::runtime_error(source + ": unknown liveml_image_tower '" + tower + "'");
        }
        read_field(v, "hidden_size", o.hidden_size, source);
        read_field(v, "intermediate_size", o.intermediate_size, source);
        read_field(v, "num_hidden_layers", o.num_hidden_layers, source);
        read_field(v, "num_attention_heads", o.num_attention_heads, source);
        read_field(v, "num_channels", o.num_channels, source);
        read_field(v, "image_size", o.image_size, source);
        read_field(v, "patch_size", o.patch_size, source);
        read_field(v, "hidden_act", o.hidden_act, source);
        read_field(v, "layer_norm_eps", o.layer_norm_eps, source);
        read_field(v, "liveml_cnn_channels", o.cnn_channels, source);
        read_field(v, "liveml_resnet_layers", o.resnet_layers, source);
    }
    // Old transformers configs carry eos_token_id 2 although the tokenizer's end id is the
    // last vocabulary entry; pooling handles that case (argmax of ids), so accept it.
    try {
        c.validate();
    } catch (const std::invalid_argument& e) {
        throw std::runtime_error(source + ": " + e.what());
    }
    return c;
}

ClipConfig load_clip_config(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open " + path.string());
    std::ostringstream text;
    text << in.rdbuf();
    return parse_clip_config(text.str(), path.string());
}

std::string clip_config_to_json(const ClipConfig& c) {
    json text = {{"vocab_size", c.text.vocab_size},
                 {"hidden_size", c.text.hidden_size},
                 {"intermediate_size", c.text.intermediate_size},
                 {"num_hidden_layers", c.text.num_hidden_layers},
                 {"num_attention_heads", c.text.num_attention_heads},
                 {"max_position_embeddings", c.text.max_position_embeddings},
                 {"hidden_act", c.text.hidden_act},
                 {"layer_norm_eps", c.text.layer_norm_eps},
                 {"bos_token_id", c.text.bos_token_id},
                 {"eos_token_id", c.text.eos_token_id},
                 {"pad_token_id", c.text.pad_token_id},
                 {"projection_dim", c.projection_dim},
                 {"model_type", "clip_text_model"}};
    json vision = {{"hidden_size", c.vision.hidden_size},
                   {"intermediate_size", c.vision.intermediate_size},
                   {"num_hidden_layers", c.vision.num_hidden_layers},
                   {"num_attention_heads", c.vision.num_attention_heads},
                   {"num_channels", c.vision.num_channels},
                   {"image_size", c.vision.image_size},
                   {"patch_size", c.vision.patch_size},
                   {"hidden_act", c.vision.hidden_act},
                   {"layer_norm_eps", c.vision.layer_norm_eps},
                   {"projection_dim", c.projection_dim},
                   {"model_type", "clip_vision_model"}};
    if (c.vision.tower == ImageTower::Cnn) {
        vision["liveml_image_tower"] = "cnn";
        vision["liveml_cnn_channels"] = c.vision.cnn_channels;
    } else if (c.vision.tower == ImageTower::ResNet) {
        vision["liveml_image_tower"] = "resnet";
        vision["liveml_resnet_layers"] = c.vision.resnet_layers;
    }
    json root = {{"architectures", json::array({"CLIPModel"})},
                 {"model_type", "clip"},
                 {"projection_dim", c.projection_dim},
                 {"logit_scale_init_value", c.logit_scale_init_value},
                 {"initializer_factor", 1.0},
                 {"torch_dtype", "float32"},
                 {"text_config", text},
                 {"vision_config", vision}};
    return root.dump(2) + "\n";
}

ClipConfig vit_b32_config() {
    return ClipConfig{};
}

namespace {

// The text tower shared by our presets, with the tokenizer's ids.
TextConfig preset_text(std::int64_t vocab_size, std::int64_t bos_token_id,
                       std::int64_t eos_token_id, std::int64_t width, std::int64_t layers,
                       std::int64_t heads) {
    TextConfig t;
    t.vocab_size = vocab_size;
    t.hidden_size = width;
    t.intermediate_size = 4 * width;
    t.num_hidden_layers = layers;
    t.num_attention_heads = heads;
    t.bos_token_id = bos_token_id;
    t.eos_token_id = eos_token_id;
    t.pad_token_id = eos_token_id;
    return t;
}

// A convolutional image tower (no transformer fields) on image_size x image_size inputs.
VisionConfig conv_vision(ImageTower tower, std::int64_t hidden_size, std::int64_t image_size,
                         std::int64_t num_channels) {
    VisionConfig v;
    v.tower = tower;
    v.hidden_size = hidden_size;
    v.intermediate_size = 0;
    v.num_hidden_layers = 0;
    v.num_attention_heads = 0;
    v.patch_size = 0;
    v.num_channels = num_channels;
    v.image_size = image_size;
    return v;
}

} // namespace

ClipConfig light_config(std::int64_t vocab_size, std::int64_t bos_token_id,
                        std::int64_t eos_token_id, std::int64_t image_size,
                        std::int64_t num_channels, std::int64_t projection_dim) {
    auto vision = conv_vision(ImageTower::ResNet, 512, image_size, num_channels);
    vision.resnet_layers = {2, 2, 2, 2};
    return {preset_text(vocab_size, bos_token_id, eos_token_id, 512, 6, 8), vision, projection_dim};
}

ClipConfig large_cnn_config(std::int64_t vocab_size, std::int64_t bos_token_id,
                            std::int64_t eos_token_id, std::int64_t image_size,
                            std::int64_t num_channels) {
    auto vision = conv_vision(ImageTower::Cnn, 512, image_size, num_channels);
    vision.cnn_channels = {64, 128, 256};
    return {preset_text(vocab_size, bos_token_id, eos_token_id, 256, 4, 4), vision, 256};
}

ClipConfig small_cnn_config(std::int64_t vocab_size, std::int64_t bos_token_id,
                            std::int64_t eos_token_id, std::int64_t image_size,
                            std::int64_t num_channels) {
    auto vision = conv_vision(ImageTower::Cnn, 256, image_size, num_channels);
    vision.cnn_channels = {16, 32, 64};
    return {preset_text(vocab_size, bos_token_id, eos_token_id, 64, 2, 2), vision, 64};
}

} // namespace liveml::clip
