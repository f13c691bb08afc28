#pragma once
// Small configurations shared by the CLIP tests: a ViT-variant (HF-loadable) and our CNN
// variant, both with a few-hundred-token vocabulary so models build in milliseconds.
#include "clip/clip_config.hpp"

namespace liveml::clip::testing {

inline ClipConfig tiny_vit_config() {
    ClipConfig c;
    c.projection_dim = 16;
    c.text.vocab_size = 300;
    c.text.hidden_size = 32;
    c.text.intermediate_size = 64;
    c.text.num_hidden_layers = 2;
    c.text.num_attention_heads = 4;
    c.text.max_position_embeddings = 16;
    c.text.bos_token_id = 298;
    c.text.eos_token_id = 299;
    c.text.pad_token_id = 299;
    c.vision.hidden_size = 32;
    c.vision.intermediate_size = 64;
    c.vision.num_hidden_layers = 2;
    c.vision.num_attention_heads = 4;
    c.vision.image_size = 32;
    c.vision.patch_size = 8;
    return c;
}

inline ClipConfig tiny_cnn_config() {
    auto c = small_cnn_config(300, 298, 299, 28, 1);
    c.text.max_position_embeddings = 16;
    return c;
}

} // namespace liveml::clip::testing
