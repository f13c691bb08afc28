// The inference-only speed paths of core/clip: without autograd the towers' linear layers run
// through oneDNN and must give the training path's answers up to float rounding; small
// forwards run on the calling thread and leave the thread count as they found it.
#include "clip/clip_model.hpp"
#include "clip/serial_scope.hpp"
#include "clip_test_models.hpp"

#include <gtest/gtest.h>

#include <thread>

namespace liveml::clip {
namespace {

double max_abs_diff(const torch::Tensor& a, const torch::Tensor& b) {
    return (a - b).abs().max().item<double>();
}

TEST(ClipInferencePath, NoGradForwardMatchesAutogradForward) {
    for (const auto& config : {testing::tiny_vit_config(), testing::tiny_cnn_config()}) {
        torch::manual_seed(11);
        ClipModel model(config);
        const auto pixels = torch::randn(
            {3, config.vision.num_channels, config.vision.image_size, config.vision.image_size});
        auto ids = torch::randint(0, config.text.vocab_size - 3, {3, 10}, torch::kInt64);
        ids.index_put_({torch::indexing::Slice(), 6}, config.text.eos_token_id);
        const auto image_train = model->encode_image(pixels).detach();
        const auto text_train = model->encode_text(ids).detach();
        torch::NoGradGuard no_grad;
        EXPECT_LE(max_abs_diff(model->encode_image(pixels), image_train), 1e-5);
        EXPECT_LE(max_abs_diff(model->encode_text(ids), text_train), 1e-5);
    }
}

// Rows end at different positions: cutting the batch at its last end token must not change
// any row, including the one that ends first.
TEST(ClipInferencePath, EndTokenCutKeepsEveryRow) {
    const auto config = testing::tiny_vit_config();
    torch::manual_seed(12);
    ClipModel model(config);
    torch::NoGradGuard no_grad;
    auto ids = torch::randint(0, config.text.vocab_size - 3, {2, 16}, torch::kInt64);
    ids.index_put_({0, 3}, config.text.eos_token_id);
    ids.index_put_({1, 9}, config.text.eos_token_id);
    const auto both = model->encode_text(ids);
    const auto first_alone = model->encode_text(ids.index({torch::indexing::Slice(0, 1)}));
    const auto second_alone = model->encode_text(ids.index({torch::indexing::Slice(1, 2)}));
    EXPECT_LE(max_abs_diff(both[0], first_alone[0]), 1e-6);
    EXPECT_LE(max_abs_diff(both[1], second_alone[0]), 1e-6);
}

TEST(SerialScope, SmallWorkRunsOnOneThreadAndRestoresTheCount) {
    torch::set_num_threads(2);
    // A fresh thread: LibTorch has not yet set its OpenMP team size there.
    std::thread worker([] {
        {
            const SerialScope small(1e3);
            EXPECT_EQ(at::get_num_threads(), 1);
        }
        EXPECT_EQ(at::get_num_threads(), 2);
        {
            const SerialScope large(1e12);
            EXPECT_EQ(at::get_num_threads(), 2);
        }
    });
    worker.join();
}

} // namespace
} // namespace liveml::clip
