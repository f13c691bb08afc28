// Our forward pass against tests/clip/hf_forward_reference.py, an independent plain-PyTorch
// transcription of transformers' CLIPModel forward (Debian's python3-torch; transformers
// itself is not packaged). scripts/clip_hf_parity.py does the same against real transformers
// where it is installed.
#include "clip/lora_set.hpp"
#include "clip/model_io.hpp"
#include "clip/peft_adapter.hpp"
#include "clip_test_models.hpp"
#include "safetensors/safetensors_reader.hpp"
#include "safetensors/safetensors_writer.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <functional>

namespace liveml::clip {
namespace {

namespace fs = std::filesystem;

bool python_torch_available() {
    const std::string cmd = std::string(LIVEML_PYTHON) + " -c 'import torch' >/dev/null 2>&1";
    return std::system(cmd.c_str()) == 0;
}

torch::Tensor read_f32(const safetensors::SafetensorsFile& file, const std::string& name) {
    const auto& info = file.at(name);
    auto values = file.to_float32(info);
    return torch::from_blob(values.data(), info.shape, torch::kFloat32).clone();
}

// `adapt`, when given, attaches LoRA adapters to the model after its base weights are saved
// and writes them to the folder it is passed; the reference then applies them PEFT's way.
using Adapt = std::function<void(ClipModelImpl&, const fs::path&)>;

void check_parity(const ClipConfig& config, const std::string& name, const Adapt& adapt = {}) {
    const auto dir = fs::path(LIVEML_TEST_BINARY_DIR) / ("parity-" + name);
    fs::remove_all(dir);
    torch::manual_seed(7);
    ClipModel model(config);
    {
        // A trained-like temperature, so logits are not all near 1.
        torch::NoGradGuard no_grad;
        model->logit_scale.fill_(std::log(100.0));
    }
    save_clip_model(*model, dir);
    std::string adapter_arg;
    if (adapt) {
        adapt(*model, dir / "adapter");
        adapter_arg = " " + (dir / "adapter").string();
    }

    const auto pixels = torch::randn({3, 3, config.vision.image_size, config.vision.image_size});
    auto ids = torch::randint(0, 290, {4, 12}, torch::kInt64);
    for (std::int64_t r = 0; r < 4; ++r) {
        ids.index_put_({r, 0}, config.text.bos_token_id);
        ids.index_put_({r, torch::indexing::Slice(3 + 2 * r, torch::indexing::None)}, 299);
    }
    safetensors::SafetensorsWriter inputs;
    inputs.add("pixel_values", safetensors::Dtype::F32, pixels.sizes().vec(),
               {pixels.data_ptr<float>(), static_cast<std::size_t>(pixels.numel())});
    inputs.add_raw("input_ids", safetensors::Dtype::I64, ids.sizes().vec(),
                   {reinterpret_cast<const std::byte*>(ids.data_ptr<std::int64_t>()),
                    static_cast<std::size_t>(ids.numel()) * sizeof(std::int64_t)});
    inputs.write(dir / "inputs.safetensors");

    const auto cmd = std::string(LIVEML_PYTHON) + " " + LIVEML_TEST_SOURCE_DIR +
                     "/clip/hf_forward_reference.py " + dir.string() + " " +
                     (dir / "inputs.safetensors").string() + " " +
                     (dir / "reference.safetensors").string() + adapter_arg;
    ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
    const auto ref = safetensors::SafetensorsFile::open(dir / "reference.safetensors");

    torch::NoGradGuard no_grad;
    const auto img = l2_normalize(model->encode_image(pixels));
    const auto txt = l2_normalize(model->encode_text(ids));
    const auto logits = model->logit_scale.exp() * img.matmul(txt.t());
    const auto max_diff = [](const torch::Tensor& a, const torch::Tensor& b) {
        return (a - b).abs().max().item<double>();
    };
    EXPECT_LE(max_diff(img, read_f32(ref, "image_embeds")), 1e-4);
    EXPECT_LE(max_diff(txt, read_f32(ref, "text_embeds")), 1e-4);
    EXPECT_LE(max_diff(logits, read_f32(ref, "logits_per_image")), 1e-4);
}

TEST(ClipForwardParity, MatchesPythonReferenceFirstEndToken) {
    if (!python_torch_available()) GTEST_SKIP() << "python3-torch is not installed";
    check_parity(testing::tiny_vit_config(), "eos");
}

// Configs from transformers < 4.31 say eos_token_id 2; pooling then takes the argmax id.
TEST(ClipForwardParity, MatchesPythonReferenceLegacyArgmaxPooling) {
    if (!python_torch_available()) GTEST_SKIP() << "python3-torch is not installed";
    auto config = testing::tiny_vit_config();
    config.text.eos_token_id = 2;
    check_parity(config, "legacy");
}

TEST(ClipForwardParity, MatchesPythonReferenceWithExactGelu) {
    if (!python_torch_available()) GTEST_SKIP() << "python3-torch is not installed";
    auto config = testing::tiny_vit_config();
    config.text.hidden_act = "gelu";
    config.vision.hidden_act = "gelu";
    check_parity(config, "gelu");
}

// Adapters with non-zero B (as after training) on `targets` of `towers`.
Adapt lora(std::vector<std::string> targets, std::vector<std::string> towers) {
    return [=](ClipModelImpl& model, const fs::path& dir) {
        LoraSettings settings;
        settings.rank = 4;
        settings.alpha = 8;
        settings.targets = targets;
        settings.towers = towers;
        auto set = LoraSet::attach(model, settings);
        torch::NoGradGuard no_grad;
        for (auto& p : set.parameters())
            p.normal_(0.0, 0.2);
        write_peft_adapter(dir, set, "tiny-vit");
        set.train(false);
    };
}

TEST(ClipForwardParity, LoraAdaptersOnEveryLinearMatchPeftSemantics) {
    if (!python_torch_available()) GTEST_SKIP() << "python3-torch is not installed";
    check_parity(testing::tiny_vit_config(), "lora-all",
                 lora({"q", "k", "v", "o", "fc1", "fc2", "proj"}, {"image", "text"}));
}

// One tower only: target_modules must name full paths, or PEFT would adapt both towers.
TEST(ClipForwardParity, LoraAdaptersOnOneTowerMatchPeftSemantics) {
    if (!python_torch_available()) GTEST_SKIP() << "python3-torch is not installed";
    check_parity(testing::tiny_vit_config(), "lora-text", lora({"q", "v"}, {"text"}));
}

} // namespace
} // namespace liveml::clip
