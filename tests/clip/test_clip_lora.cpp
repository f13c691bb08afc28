// LoRA adapters: a new adapter leaves the model unchanged (B = 0), merging gives the adapter's
// forward, PEFT's key names and config (../shared/specs/peft-lora-adapter.md), a round trip
// through the files, refusal of adapters that do not fit, and which layers the settings pick.
// The forward against PEFT's semantics in Python is in test_clip_forward_parity.
#include "clip/lora_set.hpp"
#include "clip/model_io.hpp"
#include "clip/peft_adapter.hpp"
#include "clip_test_models.hpp"
#include "safetensors/safetensors_reader.hpp"
#include "safetensors/safetensors_writer.hpp"
#include "temp_dir.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <set>

namespace liveml::clip {
namespace {

namespace fs = std::filesystem;
using liveml::testing::TempDir;

struct Inputs {
    torch::Tensor pixels, ids;
};

Inputs sample_inputs(const ClipConfig& c) {
    torch::manual_seed(3);
    auto ids = torch::randint(0, c.text.vocab_size - 2, {3, 10}, torch::kInt64);
    ids.index_put_({torch::indexing::Slice(), 0}, c.text.bos_token_id);
    ids.index_put_({torch::indexing::Slice(), torch::indexing::Slice(6, torch::indexing::None)},
                   c.text.eos_token_id);
    return {torch::randn({2, c.vision.num_channels, c.vision.image_size, c.vision.image_size}),
            ids};
}

std::pair<torch::Tensor, torch::Tensor> embed(ClipModelImpl& model, const Inputs& in) {
    torch::NoGradGuard no_grad;
    return {model.encode_image(in.pixels), model.encode_text(in.ids)};
}

double max_diff(const torch::Tensor& a, const torch::Tensor& b) {
    return (a - b).abs().max().item<double>();
}

LoraSettings settings(std::vector<std::string> targets, std::vector<std::string> towers = {
                                                            "image", "text"}) {
    LoraSettings s;
    s.rank = 4;
    s.alpha = 8;
    s.dropout = 0;
    s.targets = std::move(targets);
    s.towers = std::move(towers);
    return s;
}

void randomize(LoraSet& set) {
    torch::NoGradGuard no_grad;
    for (auto& p : set.parameters())
        p.normal_(0.0, 0.2);
}

torch::Tensor unit(const torch::Tensor& x) { return x / x.norm(2, -1, true); }

std::set<std::string> adapted_paths(const LoraSet& set) {
    std::set<std::string> paths;
    for (const auto& slot : set.slots())
        paths.insert(slot.path);
    return paths;
}

TEST(Lora, NewAdapterLeavesTheForwardUnchanged) {
    for (const auto& config : {testing::tiny_vit_config(), testing::tiny_cnn_config()}) {
        torch::manual_seed(1);
        ClipModel model(config);
        const auto in = sample_inputs(config);
        const auto [img, txt] = embed(*model, in);
        auto set = LoraSet::attach(*model, settings(lora_target_names()));
        EXPECT_GT(set.slots().size(), 0u);
        for (const auto& slot : set.slots())
            EXPECT_TRUE(torch::equal((*slot.adapter)->lora_B, torch::zeros_like((*slot.adapter)->lora_B)));
        const auto [img2, txt2] = embed(*model, in);
        EXPECT_TRUE(torch::equal(img, img2));
        EXPECT_TRUE(torch::equal(txt, txt2));
    }
}

TEST(Lora, MergedForwardEqualsAdapterForward) {
    for (const auto& config : {testing::tiny_vit_config(), testing::tiny_cnn_config()}) {
        torch::manual_seed(2);
        ClipModel model(config);
        const auto in = sample_inputs(config);
        const auto [base_img, base_txt] = embed(*model, in);
        auto set = LoraSet::attach(*model, settings(lora_target_names()));
        randomize(set);
        const auto [img, txt] = embed(*model, in);
        EXPECT_GT(max_diff(img, base_img), 1e-3) << "the adapters changed nothing";
        EXPECT_GT(max_diff(txt, base_txt), 1e-3);
        set.merge();
        EXPECT_TRUE(set.slots().empty());
        const auto [merged_img, merged_txt] = embed(*model, in);
        // Compared as unit vectors, the space retrieval and zero-shot use: the raw embeddings
        // reach |x| ~ 10 here, where fp32 summation order alone moves the last digits.
        EXPECT_LE(max_diff(unit(img), unit(merged_img)), 1e-5);
        EXPECT_LE(max_diff(unit(txt), unit(merged_txt)), 1e-5);
    }
}

TEST(Lora, ScaleIsAlphaOverRankOrOverItsRootWithRsLora) {
    LoraSettings s;
    s.rank = 16;
    s.alpha = 8;
    EXPECT_DOUBLE_EQ(s.scale(), 0.5);
    s.rslora = true;
    EXPECT_DOUBLE_EQ(s.scale(), 2.0);
}

TEST(Lora, SettingsPickLayersByTargetAndTower) {
    torch::manual_seed(1);
    ClipModel vit(testing::tiny_vit_config()); // 2 text and 2 vision layers
    auto qv = LoraSet::attach(*vit, settings({"q", "v"}, {"text"}));
    EXPECT_EQ(adapted_paths(qv), (std::set<std::string>{
                                     "text_model.encoder.layers.0.self_attn.q_proj",
                                     "text_model.encoder.layers.0.self_attn.v_proj",
                                     "text_model.encoder.layers.1.self_attn.q_proj",
                                     "text_model.encoder.layers.1.self_attn.v_proj"}));
    EXPECT_THROW(LoraSet::attach(*vit, settings({"q"}, {"text"})), std::logic_error);
    qv.remove();

    ClipModel cnn(testing::tiny_cnn_config());
    auto head = LoraSet::attach(*cnn, settings({"q", "v", "head"}, {"image"}));
    EXPECT_EQ(adapted_paths(head), (std::set<std::string>{"vision_model.fc"}));
    ClipModel cnn2(testing::tiny_cnn_config());
    EXPECT_THROW(LoraSet::attach(*cnn2, settings({"q", "v"}, {"image"})), std::invalid_argument);
    auto too_wide = settings({"q"});
    too_wide.rank = 1000;
    EXPECT_THROW(LoraSet::attach(*cnn2, too_wide), std::invalid_argument);
}

TEST(Lora, OnlyTheAdaptersReceiveGradients) {
    torch::manual_seed(4);
    ClipModel model(testing::tiny_vit_config());
    for (auto& p : model->parameters())
        p.set_requires_grad(false);
    auto set = LoraSet::attach(*model, settings({"q", "v", "fc2", "proj"}));
    randomize(set); // B = 0 would give A no gradient
    const auto in = sample_inputs(model->config());
    const auto img = model->encode_image(in.pixels);
    const auto txt = model->encode_text(in.ids);
    (img.sum() + txt.sum()).backward();
    for (const auto& p : model->parameters())
        EXPECT_FALSE(p.grad().defined());
    for (const auto& p : set.parameters()) {
        ASSERT_TRUE(p.grad().defined());
        EXPECT_GT(p.grad().abs().sum().item<double>(), 0);
    }
    // Four encoder layers (q, v: 32→32; fc2: 64→32) and two projections (32→16), rank 4.
    EXPECT_EQ(set.parameter_count(), 4 * (2 * 4 * (32 + 32) + 4 * (64 + 32)) + 2 * 4 * (32 + 16));
}

TEST(PeftAdapter, KeysShapesAndConfigAreWhatPeftWrites) {
    TempDir dir("peft");
    torch::manual_seed(1);
    ClipModel model(testing::tiny_vit_config());
    auto set = LoraSet::attach(*model, settings({"q", "v"}));
    write_peft_adapter(dir.path(), set, "openai/clip-vit-base-patch32");

    const auto file = safetensors::SafetensorsFile::open(dir / kAdapterWeightsFile);
    EXPECT_EQ(file.metadata().at("format"), "pt");
    std::set<std::string> keys;
    for (const auto& t : file.tensors()) {
        keys.insert(t.name);
        EXPECT_EQ(t.dtype, safetensors::Dtype::F32);
        const bool is_a = t.name.ends_with(".lora_A.weight");
        EXPECT_EQ(t.shape, (is_a ? std::vector<std::int64_t>{4, 32} : std::vector<std::int64_t>{32, 4}))
            << t.name;
    }
    std::set<std::string> expected;
    for (const char* tower : {"text_model", "vision_model"})
        for (int layer : {0, 1})
            for (const char* proj : {"q_proj", "v_proj"})
                for (const char* ab : {"A", "B"})
                    expected.insert(std::string("base_model.model.") + tower + ".encoder.layers." +
                                    std::to_string(layer) + ".self_attn." + proj + ".lora_" + ab +
                                    ".weight");
    EXPECT_EQ(keys, expected);

    std::ifstream in(dir / kAdapterConfigFile);
    const auto config = nlohmann::json::parse(in);
    std::set<std::string> fields;
    for (const auto& [key, _] : config.items())
        fields.insert(key);
    // PEFT 0.6.2's fields for a bare CLIPModel, no more (it refuses unknown ones).
    EXPECT_EQ(fields, (std::set<std::string>{
                          "alpha_pattern", "auto_mapping", "base_model_name_or_path", "bias",
                          "fan_in_fan_out", "inference_mode", "init_lora_weights",
                          "layers_pattern", "layers_to_transform", "lora_alpha", "lora_dropout",
                          "modules_to_save", "peft_type", "r", "rank_pattern", "revision",
                          "target_modules", "task_type"}));
    EXPECT_EQ(config["peft_type"], "LORA");
    EXPECT_EQ(config["r"], 4);
    EXPECT_EQ(config["lora_alpha"], 8.0);
    EXPECT_EQ(config["bias"], "none");
    EXPECT_EQ(config["target_modules"], (nlohmann::json{"q_proj", "v_proj"}));
    EXPECT_EQ(config["auto_mapping"]["base_model_class"], "CLIPModel");
    EXPECT_EQ(config["base_model_name_or_path"], "openai/clip-vit-base-patch32");
}

TEST(PeftAdapter, RoundTripGivesTheSameForward) {
    TempDir dir("peft");
    torch::manual_seed(5);
    const auto config = testing::tiny_cnn_config();
    ClipModel model(config);
    save_clip_model(*model, dir / "base");
    auto s = settings({"q", "k", "head", "proj"});
    s.rslora = true;
    auto set = LoraSet::attach(*model, s);
    randomize(set);
    write_peft_adapter(dir / "adapter", set, "base");
    const auto in = sample_inputs(config);
    const auto [img, txt] = embed(*model, in);

    auto loaded = load_clip_model(dir / "base");
    auto read = read_peft_adapter(dir / "adapter", *loaded);
    EXPECT_EQ(adapted_paths(read), adapted_paths(set));
    EXPECT_TRUE(read.settings().rslora);
    EXPECT_DOUBLE_EQ(read.settings().scale(), s.scale());
    const auto [img2, txt2] = embed(*loaded, in);
    EXPECT_LE(max_diff(img, img2), 1e-6);
    EXPECT_LE(max_diff(txt, txt2), 1e-6);
}

class PeftAdapterRefusal : public ::testing::Test {
  protected:
    void SetUp() override {
        torch::manual_seed(1);
        model_ = ClipModel(testing::tiny_vit_config());
        ClipModel source(testing::tiny_vit_config());
        auto set = LoraSet::attach(*source, settings({"q"}, {"text"}));
        write_peft_adapter(dir_.path(), set, "base");
        std::ifstream in(dir_ / kAdapterConfigFile);
        config_ = nlohmann::json::parse(in);
    }
    void write_config(const nlohmann::json& config) {
        std::ofstream(dir_ / kAdapterConfigFile) << config.dump();
    }
    void write_tensors(const std::vector<std::pair<std::string, std::vector<std::int64_t>>>& t) {
        safetensors::SafetensorsWriter w;
        for (const auto& [name, shape] : t) {
            std::vector<float> values(static_cast<std::size_t>(shape[0] * shape[1]), 0.5f);
            w.add(name, safetensors::Dtype::F32, shape, values);
        }
        w.write(dir_ / kAdapterWeightsFile);
    }
    void expect_refused(const std::string& fragment) {
        try {
            read_peft_adapter(dir_.path(), *model_);
            FAIL() << "accepted an adapter that should be refused (" << fragment << ")";
        } catch (const std::runtime_error& e) {
            EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
        }
    }
    TempDir dir_{"peft-bad"};
    ClipModel model_{nullptr};
    nlohmann::json config_;
};

const std::string kQ = "base_model.model.text_model.encoder.layers.0.self_attn.q_proj";

TEST_F(PeftAdapterRefusal, AMisnamedLayer) {
    write_tensors({{kQ + ".lora_A.weight", {4, 32}},
                   {"base_model.model.text_model.encoder.layers.9.self_attn.q_proj.lora_A.weight",
                    {4, 32}},
                   {"base_model.model.text_model.encoder.layers.9.self_attn.q_proj.lora_B.weight",
                    {32, 4}},
                   {kQ + ".lora_B.weight", {32, 4}}});
    expect_refused("layers.9");
}

TEST_F(PeftAdapterRefusal, AnAWithoutItsB) {
    write_tensors({{kQ + ".lora_A.weight", {4, 32}}});
    expect_refused("not lora_B");
}

TEST_F(PeftAdapterRefusal, AShapeThatDoesNotFit) {
    write_tensors({{kQ + ".lora_A.weight", {4, 31}}, {kQ + ".lora_B.weight", {32, 4}}});
    expect_refused("does not fit");
}

TEST_F(PeftAdapterRefusal, AKeyThatIsNoLoraWeight) {
    write_tensors({{kQ + ".weight", {32, 32}}});
    expect_refused("is not a LoRA weight");
}

TEST_F(PeftAdapterRefusal, ConfigsWeDoNotImplement) {
    for (const auto& [key, value] :
         std::vector<std::pair<std::string, nlohmann::json>>{{"peft_type", "IA3"},
                                                             {"fan_in_fan_out", true},
                                                             {"bias", "all"},
                                                             {"rank_pattern", {{"q_proj", 2}}},
                                                             {"use_dora", true},
                                                             {"r", 0}}) {
        auto config = config_;
        config[key] = value;
        write_config(config);
        expect_refused(key == "r" ? "--lora-rank" : key);
    }
    std::ofstream(dir_ / kAdapterConfigFile) << "{not json";
    expect_refused("not JSON");
}

} // namespace
} // namespace liveml::clip
