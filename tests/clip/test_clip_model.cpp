// Forward shapes, normalisation, exact save/load round trip and strict checkpoint loading.
#include "clip/model_io.hpp"
#include "clip_test_models.hpp"
#include "safetensors/safetensors_reader.hpp"
#include "safetensors/safetensors_writer.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <set>

namespace liveml::clip {
namespace {

namespace fs = std::filesystem;

fs::path fresh_dir(const std::string& name) {
    const auto dir = fs::path(LIVEML_TEST_BINARY_DIR) / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

torch::Tensor sample_ids(const ClipConfig& c, std::int64_t rows, std::int64_t length) {
    auto ids = torch::randint(0, c.text.vocab_size - 2, {rows, length}, torch::kInt64);
    for (std::int64_t r = 0; r < rows; ++r) {
        const auto end = 2 + r % (length - 2); // end token at different places
        ids.index_put_({r, 0}, c.text.bos_token_id);
        ids.index_put_({r, torch::indexing::Slice(end, torch::indexing::None)},
                       c.text.eos_token_id);
    }
    return ids;
}

torch::Tensor sample_pixels(const ClipConfig& c, std::int64_t rows) {
    return torch::randn({rows, c.vision.num_channels, c.vision.image_size, c.vision.image_size});
}

void expect_shapes_and_unit_norm(const ClipConfig& config) {
    torch::manual_seed(1);
    ClipModel model(config);
    const auto img = l2_normalize(model->encode_image(sample_pixels(config, 3)));
    const auto txt = l2_normalize(model->encode_text(sample_ids(config, 5, 10)));
    EXPECT_EQ(img.sizes(), (std::vector<std::int64_t>{3, config.projection_dim}));
    EXPECT_EQ(txt.sizes(), (std::vector<std::int64_t>{5, config.projection_dim}));
    EXPECT_TRUE(torch::allclose(img.norm(2, -1), torch::ones({3}), 1e-5, 1e-6));
    EXPECT_TRUE(torch::allclose(txt.norm(2, -1), torch::ones({5}), 1e-5, 1e-6));
    const auto logits =
        model->logits_per_image(sample_pixels(config, 3), sample_ids(config, 5, 10));
    EXPECT_EQ(logits.sizes(), (std::vector<std::int64_t>{3, 5}));
}

TEST(ClipModel, ViTForwardShapesAndUnitNorm) {
    expect_shapes_and_unit_norm(testing::tiny_vit_config());
}

TEST(ClipModel, CnnForwardShapesAndUnitNorm) {
    expect_shapes_and_unit_norm(testing::tiny_cnn_config());
}

TEST(ClipModel, ParameterNamesAreHuggingFaceKeys) {
    ClipModel model(testing::tiny_vit_config());
    std::set<std::string> names;
    for (const auto& p : model->named_parameters())
        names.insert(p.key());
    for (const char* key :
         {"text_model.embeddings.token_embedding.weight",
          "text_model.embeddings.position_embedding.weight",
          "text_model.encoder.layers.1.self_attn.q_proj.bias",
          "text_model.encoder.layers.0.mlp.fc2.weight", "text_model.final_layer_norm.weight",
          "vision_model.embeddings.class_embedding",
          "vision_model.embeddings.patch_embedding.weight",
          "vision_model.embeddings.position_embedding.weight", "vision_model.pre_layrnorm.bias",
          "vision_model.encoder.layers.1.layer_norm2.weight", "vision_model.post_layernorm.weight",
          "visual_projection.weight", "text_projection.weight", "logit_scale"})
        EXPECT_TRUE(names.count(key)) << key;
    EXPECT_FALSE(names.count("vision_model.embeddings.patch_embedding.bias"));
    EXPECT_FALSE(names.count("visual_projection.bias"));
}

// With a causal mask, tokens after the end token cannot change the pooled embedding.
TEST(ClipModel, PaddingAfterEndTokenDoesNotChangeTextEmbedding) {
    const auto config = testing::tiny_vit_config();
    torch::manual_seed(2);
    ClipModel model(config);
    const auto ids = sample_ids(config, 4, 12);
    const auto full = model->encode_text(ids);
    auto other_pad = ids.clone();
    other_pad.index_put_({torch::indexing::Slice(), 11}, 5); // after every row's end token
    EXPECT_TRUE(torch::equal(full.index({torch::indexing::Slice(0, 3)}),
                             model->encode_text(other_pad).index({torch::indexing::Slice(0, 3)})));
}

TEST(ClipModelIo, SaveThenLoadReproducesEmbeddingsExactly) {
    for (const auto& config : {testing::tiny_vit_config(), testing::tiny_cnn_config()}) {
        torch::manual_seed(3);
        ClipModel model(config);
        const auto dir = fresh_dir("roundtrip");
        save_clip_model(*model, dir);
        auto loaded = load_clip_model(dir);
        const auto pixels = sample_pixels(config, 2);
        const auto ids = sample_ids(config, 3, 9);
        EXPECT_TRUE(torch::equal(model->encode_image(pixels), loaded->encode_image(pixels)));
        EXPECT_TRUE(torch::equal(model->encode_text(ids), loaded->encode_text(ids)));
        EXPECT_TRUE(torch::equal(model->logit_scale, loaded->logit_scale));
        EXPECT_EQ(loaded->config().vision.tower, config.vision.tower);
    }
}

// Writes the model's parameters through `edit`, which may drop, add or reshape entries.
safetensors::SafetensorsFile edited_weights(
    ClipModelImpl& model,
    const std::function<void(const std::string&, torch::Tensor&, safetensors::SafetensorsWriter&)>&
        edit) {
    safetensors::SafetensorsWriter writer;
    for (auto& item : model.named_parameters()) {
        auto t = item.value().detach().contiguous();
        edit(item.key(), t, writer);
    }
    return safetensors::SafetensorsFile::from_bytes(writer.serialize(), {}, "edited.safetensors");
}

void add_tensor(safetensors::SafetensorsWriter& w, const std::string& name,
                const torch::Tensor& t) {
    const auto c = t.contiguous();
    w.add(name, safetensors::Dtype::F32, c.sizes().vec(),
          {c.data_ptr<float>(), static_cast<std::size_t>(c.numel())});
}

std::string load_error(ClipModelImpl& model, const safetensors::SafetensorsFile& file) {
    try {
        load_weights(model, file);
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    return "";
}

TEST(ClipModelIo, MissingKeyIsAClearError) {
    ClipModel model(testing::tiny_vit_config());
    const auto file = edited_weights(*model, [](const auto& name, auto& t, auto& w) {
        if (name != "text_projection.weight") add_tensor(w, name, t);
    });
    const auto message = load_error(*model, file);
    EXPECT_NE(message.find("missing keys: text_projection.weight"), std::string::npos) << message;
}

TEST(ClipModelIo, WrongShapeIsAClearError) {
    ClipModel model(testing::tiny_vit_config());
    const auto file = edited_weights(*model, [](const auto& name, auto& t, auto& w) {
        add_tensor(w, name, name == "visual_projection.weight" ? t.t() : t);
    });
    const auto message = load_error(*model, file);
    EXPECT_NE(message.find("shape mismatches: visual_projection.weight (file [32,16], model "
                           "[16,32])"),
              std::string::npos)
        << message;
}

TEST(ClipModelIo, UnexpectedKeyIsAnErrorButPositionIdsAreIgnored) {
    ClipModel model(testing::tiny_vit_config());
    const auto extra = edited_weights(*model, [](const auto& name, auto& t, auto& w) {
        add_tensor(w, name, t);
        if (name == "logit_scale") add_tensor(w, "vision_model.extra.weight", torch::ones({2}));
    });
    EXPECT_NE(load_error(*model, extra).find("unexpected keys: vision_model.extra.weight"),
              std::string::npos);
    const auto legacy = edited_weights(*model, [](const auto& name, auto& t, auto& w) {
        add_tensor(w, name, t);
        if (name == "logit_scale")
            add_tensor(w, "text_model.embeddings.position_ids", torch::zeros({1, 16}));
    });
    EXPECT_EQ(load_error(*model, legacy), "");
}

TEST(ClipModelIo, BadConfigIsAClearError) {
    const auto dir = fresh_dir("badconfig");
    std::ofstream(dir / "config.json") << R"({"text_config": {"hidden_size": "wide"}})";
    try {
        load_clip_model(dir);
        FAIL() << "no error";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("hidden_size"), std::string::npos) << e.what();
    }
}

} // namespace
} // namespace liveml::clip
