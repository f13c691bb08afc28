// A tiny contrastive run in-process: the reported loss must fall.
#include "clip/clip_encoder.hpp"
#include "clip/clip_trainer.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace liveml::clip {
namespace {

TEST(ClipTraining, TinyRunLowersTheLoss) {
    const auto dir = std::filesystem::path(LIVEML_TEST_BINARY_DIR) / "tiny-train";
    std::filesystem::remove_all(dir);
    TrainOptions o;
    o.dataset = "digits";
    o.out = dir;
    o.epochs = 8;
    o.batch_size = 32;
    o.max_items = 512;
    o.lr = 3e-3;
    o.bpe_merges = 200;
    o.runtime.device = "cpu";
    std::vector<double> losses;
    const auto result = train_clip(
        o, [] { return false; },
        [&](const TrainProgress& p) {
            if (p.phase == "train") losses.push_back(p.loss);
        });
    EXPECT_FALSE(result.stopped);
    EXPECT_EQ(result.step, result.total);
    EXPECT_EQ(result.total, 8 * (512 / 32));
    ASSERT_GE(losses.size(), 2u);
    EXPECT_LT(losses.back(), losses.front() - 0.2)
        << "first " << losses.front() << " last " << losses.back();

    // The checkpoint is a loadable model directory with its tokenizer.
    for (const char* file : {"config.json", "model.safetensors", "vocab.json", "merges.txt",
                             "training_state.json", "optimizer.pt"})
        EXPECT_TRUE(std::filesystem::exists(dir / file)) << file;
    const auto encoder = ClipEncoder::load(dir, {"cpu", 1});
    const std::vector<std::string> texts{"a photo of the number seven.", "zero"};
    const auto emb = encoder.encode_texts(texts);
    EXPECT_EQ(emb.rows, 2u);
    EXPECT_EQ(emb.cols, encoder.embedding_dim());

    // bf16 autocast is for GPUs: asked for on a CPU, the job refuses instead of mixing types
    // (its effect on CUDA is measured by scripts/gpu-checks.sh).
    EXPECT_THROW(ClipEncoder::load(dir, {"cpu", 1, "bf16"}), std::runtime_error);
    EXPECT_EQ(ClipEncoder::load(dir, {"cpu", 1, "fp32"}).encode_texts(texts).data, emb.data);
}

TEST(ClipTraining, BadOptionsAreUsageErrors) {
    TrainOptions o;
    o.out = std::filesystem::path(LIVEML_TEST_BINARY_DIR) / "bad-options";
    o.runtime.device = "tpu";
    EXPECT_THROW(train_clip(o, {}, {}), std::invalid_argument);
    o.runtime.device = "cpu";
    o.runtime.precision = "fp8";
    EXPECT_THROW(train_clip(o, {}, {}), std::invalid_argument);
    o.runtime.precision = "auto";
    o.epochs = 0;
    EXPECT_THROW(train_clip(o, {}, {}), std::invalid_argument);
    o.epochs = 1;
    o.dataset = "/nonexistent/folder";
    EXPECT_THROW(train_clip(o, {}, {}), std::runtime_error);
}

TEST(ClipTraining, ResumeWithoutCheckpointIsAnError) {
    TrainOptions o;
    o.out = std::filesystem::path(LIVEML_TEST_BINARY_DIR) / "no-checkpoint";
    std::filesystem::remove_all(o.out);
    o.resume = true;
    o.runtime.device = "cpu";
    EXPECT_THROW(train_clip(o, {}, {}), std::runtime_error);
}

} // namespace
} // namespace liveml::clip
