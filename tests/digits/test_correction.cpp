// A correction (the studio's "it is a 7") teaches a learner the drawing and copies - 1
// distortions of it: exactly `copies` partial_fits, deterministic per seed, refused whole when
// it cannot apply.
#include <gtest/gtest.h>

#include <stdexcept>

#include "digits/correction.hpp"
#include "digits/default_model.hpp"
#include "online/learner_registry.hpp"
#include "online/model_file.hpp"

using namespace liveml;

namespace {

const std::vector<int> kDigits{0, 1, 2, 3, 4, 5, 6, 7, 8, 9};

// A tall, almost upright stroke with a short flick on top: the UCI-trained SGD model reads it
// as a 1 (the case the studio's user seven stands for).
digits::Features flickSeven() {
    digits::Features x{};
    for (int row = 0; row < 8; ++row)
        x[std::size_t(8 * row + 4)] = 16;
    x[3] = 12;
    x[2] = 6;
    return x;
}

} // namespace

TEST(Correction, LearnsTheDrawingAndItsVariations) {
    auto model = std::make_unique<online::SgdClassifier>(
        digits::train_default_model(digits::load_digits_csv(digits::bundled_digits_path())));
    const auto x = digits::to_doubles(flickSeven());
    ASSERT_NE(model->predict(x), 7)
        << "the drawing must start misread for this test to mean anything";
    const auto before = model->samples_seen();
    int corrections = 0;
    while (model->predict(x) != 7 && corrections < 20)
        digits::learn_correction(*model, flickSeven(), 7, 8, std::uint64_t(++corrections));
    EXPECT_EQ(model->predict(x), 7);
    EXPECT_EQ(model->samples_seen(), before + std::uint64_t(8 * corrections));
}

TEST(Correction, SameSeedSameModel) {
    auto a = online::make_learner("mlp", kDigits, 64);
    auto b = a->clone();
    digits::learn_correction(*a, flickSeven(), 7, 5, 42);
    digits::learn_correction(*b, flickSeven(), 7, 5, 42);
    EXPECT_EQ(online::serialize_model(*a), online::serialize_model(*b));
    auto c = online::make_learner("mlp", kDigits, 64);
    digits::learn_correction(*c, flickSeven(), 7, 5, 43);
    EXPECT_NE(online::serialize_model(*a), online::serialize_model(*c))
        << "another seed must give other variations";
}

TEST(Correction, OneCopyIsTheDrawingAlone) {
    auto a = online::make_learner("softmax_regression", kDigits, 64);
    auto b = a->clone();
    digits::learn_correction(*a, flickSeven(), 7, 1, 9);
    b->partial_fit(digits::to_doubles(flickSeven()), 7);
    EXPECT_EQ(online::serialize_model(*a), online::serialize_model(*b));
}

TEST(Correction, RefusesWhatCannotApplyAndLeavesTheModelAlone) {
    auto model = online::make_learner("mlp", {0, 1}, 64);
    const std::string before = online::serialize_model(*model);
    EXPECT_THROW(digits::learn_correction(*model, flickSeven(), 7, 4, 1), std::invalid_argument);
    EXPECT_THROW(digits::learn_correction(*model, flickSeven(), 1, 0, 1), std::invalid_argument);
    EXPECT_EQ(online::serialize_model(*model), before);
}
