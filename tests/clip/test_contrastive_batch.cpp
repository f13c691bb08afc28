// The batch schedule every contrastive training loop shares: epoch orders, the batches of a
// step, the learning-rate schedule and its application, the ETA.
#include "clip/contrastive_batch.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>

namespace liveml::clip {
namespace {

TEST(ContrastiveBatch, EpochOrdersArePermutationsSeededBySeedAndEpoch) {
    const auto a = epoch_order(100, 7, 0);
    auto sorted = a;
    std::sort(sorted.begin(), sorted.end());
    std::vector<std::size_t> all(100);
    std::iota(all.begin(), all.end(), 0);
    EXPECT_EQ(sorted, all);
    EXPECT_EQ(epoch_order(100, 7, 0), a) << "a resumed run draws the same order";
    EXPECT_NE(epoch_order(100, 7, 1), a);
    EXPECT_NE(epoch_order(100, 8, 0), a);
}

TEST(ContrastiveBatch, StepsWalkThroughEachEpochsOrderAndDropThePartialBatch) {
    EpochBatches batches(10, 3, 4); // 2 full batches per epoch; 2 items left out each epoch
    EXPECT_EQ(batches.steps_per_epoch(), 2);
    const auto first = epoch_order(10, 3, 0), second = epoch_order(10, 3, 1);
    const auto expect = [&](std::int64_t step, const std::vector<std::size_t>& order,
                            std::size_t from) {
        const auto got = batches.at_step(step);
        EXPECT_EQ(std::vector<std::size_t>(got.begin(), got.end()),
                  std::vector<std::size_t>(order.begin() + from, order.begin() + from + 4))
            << "step " << step;
    };
    expect(0, first, 0);
    expect(1, first, 4);
    expect(2, second, 0);
    expect(3, second, 4);
    expect(1, first, 4); // going back (a resume) draws the earlier epoch's order again
}

TEST(ContrastiveBatch, LearningRateWarmsUpThenDecaysToZero) {
    EXPECT_DOUBLE_EQ(cosine_lr(1.0, 0.1, 0, 100), 0.1); // step 1 of 10 warm-up steps
    EXPECT_DOUBLE_EQ(cosine_lr(1.0, 0.1, 9, 100), 1.0);
    EXPECT_DOUBLE_EQ(cosine_lr(1.0, 0.1, 10, 100), 1.0); // the cosine starts at the peak
    EXPECT_NEAR(cosine_lr(1.0, 0.1, 55, 100), 0.5, 1e-12);
    EXPECT_NEAR(cosine_lr(1.0, 0.1, 100, 100), 0.0, 1e-12);

    auto a = torch::zeros({2}, torch::requires_grad());
    auto b = torch::zeros({2}, torch::requires_grad());
    std::vector<torch::optim::OptimizerParamGroup> groups;
    groups.emplace_back(std::vector<torch::Tensor>{a},
                        std::make_unique<torch::optim::AdamWOptions>(0.1));
    groups.emplace_back(std::vector<torch::Tensor>{b},
                        std::make_unique<torch::optim::AdamWOptions>(0.2));
    torch::optim::AdamW optimizer(std::move(groups));
    set_adamw_lr(optimizer, 0.05);
    for (auto& group : optimizer.param_groups())
        EXPECT_DOUBLE_EQ(static_cast<torch::optim::AdamWOptions&>(group.options()).lr(), 0.05);
}

TEST(ContrastiveBatch, EtaFollowsTheSmoothedStepDuration) {
    StepEta eta;
    EXPECT_EQ(eta.seconds_left(10), 0.0);
    eta.add(2.0);
    EXPECT_DOUBLE_EQ(eta.seconds_left(10), 20.0); // the first step sets it
    eta.add(4.0);
    EXPECT_DOUBLE_EQ(eta.seconds_left(10), 22.0); // then 0.9 old + 0.1 new
}

} // namespace
} // namespace liveml::clip
