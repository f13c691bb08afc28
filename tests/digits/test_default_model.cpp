#include "digits/default_model.hpp"

#include <gtest/gtest.h>

#include <chrono>

using namespace liveml::digits;

namespace {

double accuracy(const liveml::online::SgdClassifier& model, const std::vector<DigitSample>& data) {
    int right = 0;
    for (const auto& s : data)
        right += model.predict(to_doubles(s.x)) == s.label;
    return double(right) / double(data.size());
}

} // namespace

TEST(DigitAugmentation, NoDistortionKeepsTheSample) {
    const auto data = load_digits_csv(bundled_digits_path());
    for (std::size_t i = 0; i < data.size(); i += 97)
        EXPECT_EQ(distort(data[i].x, {}), data[i].x);
}

TEST(DigitAugmentation, DistortionMovesInkButKeepsTheFrame) {
    const auto sample = load_digits_csv(bundled_digits_path())[1];
    const auto turned = distort(sample.x, {.rotation_deg = 12});
    const auto slanted = distort(sample.x, {.shear = 0.3});
    EXPECT_NE(turned, sample.x);
    EXPECT_NE(slanted, sample.x);
    for (const auto& f : {turned, slanted}) {
        int top = 0, bottom = 0;
        for (int col = 0; col < 8; ++col)
            top += f[std::size_t(col)], bottom += f[56 + std::size_t(col)];
        EXPECT_GT(top, 0); // re-fitted: still spans the full height
        EXPECT_GT(bottom, 0);
    }
}

TEST(DigitAugmentation, SeededAndSized) {
    const auto data = load_digits_csv(bundled_digits_path());
    const std::vector<DigitSample> few(data.begin(), data.begin() + 20);
    const AugmentOptions options{.variants_per_sample = 4, .seed = 5};
    const auto a = augment_digits(few, options);
    const auto b = augment_digits(few, options);
    ASSERT_EQ(a.size(), few.size() * 5);
    for (std::size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].x, b[i].x);
        EXPECT_EQ(a[i].label, few[i / 5].label);
    }
    EXPECT_EQ(a[0].x, few[0].x); // each sample itself comes first
}

TEST(DefaultModel, DeterministicFastAndAccurateOnTheDigits) {
    const auto data = load_digits_csv(bundled_digits_path());
    const auto start = std::chrono::steady_clock::now();
    const auto model = train_default_model(data);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("default model: %.2f s, %llu samples seen\n", seconds,
                static_cast<unsigned long long>(model.samples_seen()));
    EXPECT_LT(seconds, 10.0); // ~0.3 s on an idle 2-core machine; loose for loaded CI
    const auto again = train_default_model(data);
    for (std::size_t k = 0; k < 10; ++k) {
        const auto a = model.coef(k), b = again.coef(k);
        EXPECT_TRUE(std::equal(a.begin(), a.end(), b.begin(), b.end()));
    }
    EXPECT_EQ(model.params().alpha, 0.01);
    EXPECT_EQ(model.params().penalty, liveml::online::Penalty::L1);
    EXPECT_EQ(model.params().loss, liveml::online::Loss::Log);
    EXPECT_GT(accuracy(model, data), 0.90);
    EXPECT_GT(accuracy(train_plain_model(data), data), 0.90);
}

TEST(DefaultModel, RejectsNoData) {
    EXPECT_THROW(train_default_model({}), std::invalid_argument);
}
