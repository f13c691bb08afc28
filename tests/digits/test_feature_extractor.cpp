#include "digits/feature_extractor.hpp"

#include "drawing.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <numeric>

using namespace liveml::digits;
using namespace liveml::digits::test;

namespace {

int ink(const DigitFeatures& f) {
    return std::accumulate(f.x.begin(), f.x.end(), 0);
}

int column_ink(const DigitFeatures& f, int col) {
    int sum = 0;
    for (int row = 0; row < 8; ++row)
        sum += f.x[std::size_t(row) * 8 + col];
    return sum;
}

int row_ink(const DigitFeatures& f, int row) {
    int sum = 0;
    for (int col = 0; col < 8; ++col)
        sum += f.x[std::size_t(row) * 8 + col];
    return sum;
}

// The same 7 drawn at a canvas-like size: the reference the variants are compared to.
DigitFeatures reference_seven() {
    return extract_features(draw(seven(), 280, 280, 70, 40, 140, 200));
}

} // namespace

TEST(FeatureExtractor, BlankPaperIsEmpty) {
    GrayImage white{280, 280, std::vector<std::uint8_t>(280 * 280, 255)};
    EXPECT_TRUE(extract_features(white).empty);
    GrayImage grey{50, 40, std::vector<std::uint8_t>(50 * 40, 128)};
    EXPECT_TRUE(extract_features(grey).empty);
    EXPECT_TRUE(extract_features(GrayImage{}).empty);
}

TEST(FeatureExtractor, FaintNoiseIsEmpty) {
    GrayImage paper{100, 100, std::vector<std::uint8_t>(100 * 100, 250)};
    for (std::size_t i = 0; i < paper.pixels.size(); i += 7)
        paper.pixels[i] = 235; // JPEG-ish noise
    EXPECT_TRUE(extract_features(paper).empty);
}

TEST(FeatureExtractor, RejectsInconsistentImage) {
    GrayImage broken{10, 10, std::vector<std::uint8_t>(99, 255)};
    EXPECT_THROW(extract_features(broken), std::invalid_argument);
}

TEST(FeatureExtractor, DrawingHasOptdigitsInk) {
    const auto f = reference_seven();
    ASSERT_FALSE(f.empty);
    // ~313 of 1,024 bitmap pixels on, as in the digits set (the pen grows in whole rings of
    // pixels, so it lands a little above); counts agree with the bitmap.
    EXPECT_NEAR(ink(f), 313, 20);
    EXPECT_EQ(ink(f), std::accumulate(f.bitmap.begin(), f.bitmap.end(), 0));
    for (const auto v : f.x)
        EXPECT_LE(v, 16);
    // The digit fills the height, as optdigits bitmaps do.
    EXPECT_GT(row_ink(f, 0), 0);
    EXPECT_GT(row_ink(f, 7), 0);
}

TEST(FeatureExtractor, SingleDotIsACentredBlob) {
    GrayImage image{280, 280, std::vector<std::uint8_t>(280 * 280, 255)};
    image.pixels[140 * 280 + 100] = 0;
    const auto f = extract_features(image);
    ASSERT_FALSE(f.empty);
    EXPECT_GT(ink(f), 0);
    // A small round blob in the middle (the pen's largest size), clear of the border.
    EXPECT_GT(ink(f), 40);
    EXPECT_LT(ink(f), 120);
    for (const int i : {0, 1, 6, 7}) {
        EXPECT_EQ(column_ink(f, i), 0) << "column " << i;
        EXPECT_EQ(row_ink(f, i), 0) << "row " << i;
    }
}

TEST(FeatureExtractor, ThinOneStaysABarNotABlock) {
    const auto f = extract_features(draw(thin_one(), 280, 280, 140, 40, 0, 200, {.width = 2}));
    ASSERT_FALSE(f.empty);
    for (int row = 0; row < 8; ++row)
        EXPECT_GT(row_ink(f, row), 0) << "row " << row;
    // A centred vertical bar: nothing in the outer columns.
    for (const int col : {0, 1, 6, 7})
        EXPECT_EQ(column_ink(f, col), 0) << "column " << col;
    EXPECT_GT(column_ink(f, 3) + column_ink(f, 4), ink(f) * 3 / 4);
}

TEST(FeatureExtractor, TranslationGivesIdenticalFeatures) {
    const auto a = extract_features(draw(seven(), 280, 280, 20, 10, 100, 150));
    const auto b = extract_features(draw(seven(), 280, 280, 150, 115, 100, 150));
    EXPECT_EQ(a.x, b.x);
    EXPECT_EQ(a.bitmap, b.bitmap);
}

TEST(FeatureExtractor, ScaleBarelyChangesFeatures) {
    const auto a = extract_features(draw(four(), 280, 280, 40, 40, 100, 150, {.width = 10}));
    const auto b = extract_features(draw(four(), 560, 560, 80, 80, 200, 300, {.width = 20}));
    EXPECT_LE(l1(a.x, b.x), 40) << "l1 " << l1(a.x, b.x);
}

TEST(FeatureExtractor, OffCentreAndTinyDrawingsMatchTheCanvasSize) {
    const auto ref = reference_seven();
    const auto corner = extract_features(draw(seven(), 280, 280, 5, 5, 40, 60, {.width = 5}));
    const auto tiny = extract_features(draw(seven(), 280, 280, 240, 220, 14, 20, {.width = 3}));
    EXPECT_LE(l1(ref.x, corner.x), 60) << "corner l1 " << l1(ref.x, corner.x);
    EXPECT_LE(l1(ref.x, tiny.x), 90) << "tiny l1 " << l1(ref.x, tiny.x);
}

TEST(FeatureExtractor, InvertedPolarityGivesIdenticalFeatures) {
    const auto dark = extract_features(draw(two(), 200, 200, 40, 30, 110, 140));
    const auto light =
        extract_features(draw(two(), 200, 200, 40, 30, 110, 140, {.paper = 0, .ink = 255}));
    EXPECT_EQ(dark.x, light.x);
    // Low contrast still reads: mid-grey ink on light grey paper.
    const auto soft =
        extract_features(draw(two(), 200, 200, 40, 30, 110, 140, {.paper = 220, .ink = 120}));
    EXPECT_LE(l1(dark.x, soft.x), 20);
}

TEST(FeatureExtractor, AntialiasedAndBinaryEdgesAgree) {
    const auto smooth = extract_features(draw(two(), 280, 280, 60, 40, 150, 200, {.width = 14}));
    const auto hard = extract_features(
        draw(two(), 280, 280, 60, 40, 150, 200, {.width = 14, .antialias = false}));
    EXPECT_LE(l1(smooth.x, hard.x), 20) << "l1 " << l1(smooth.x, hard.x);
}

TEST(FeatureExtractor, PenWidthIsNormalised) {
    const auto thin = extract_features(draw(four(), 280, 280, 60, 40, 150, 200, {.width = 3}));
    const auto fat = extract_features(draw(four(), 280, 280, 60, 40, 150, 200, {.width = 28}));
    // A 28-pixel pen closes part of the 4's triangle, which no normalisation can reopen.
    EXPECT_LE(l1(thin.x, fat.x), 80) << "l1 " << l1(thin.x, fat.x);
    EXPECT_NEAR(ink(thin), ink(fat), 15);
}

TEST(FeatureExtractor, DifferentDigitsStayApart) {
    // The normalisations must not wash out the shape itself.
    const auto four_f = extract_features(draw(four(), 280, 280, 60, 40, 150, 200));
    const auto seven_f = extract_features(draw(seven(), 280, 280, 60, 40, 150, 200));
    const auto two_f = extract_features(draw(two(), 280, 280, 60, 40, 150, 200));
    EXPECT_GT(l1(four_f.x, seven_f.x), 150);
    EXPECT_GT(l1(two_f.x, seven_f.x), 150);
}

TEST(FeatureExtractor, HugeImageIsFastAndMatches) {
    const auto big = draw(seven(), 8000, 8000, 2000, 1143, 4000, 5714, {.width = 340});
    const auto start = std::chrono::steady_clock::now();
    const auto f = extract_features(big);
    const auto ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    std::printf("8000x8000: %.1f ms\n", ms);
    EXPECT_LT(ms, 2000); // one pass over 64 Mpx; generous for a loaded CI machine
    EXPECT_LE(l1(reference_seven().x, f.x), 40) << "l1 " << l1(reference_seven().x, f.x);
}

TEST(FeatureExtractor, CanvasSpeed) {
    const auto canvas = draw(two(), 280, 280, 60, 40, 150, 200, {.width = 16});
    constexpr int kRuns = 200;
    const auto start = std::chrono::steady_clock::now();
    int sink = 0;
    for (int i = 0; i < kRuns; ++i)
        sink += extract_features(canvas).x[27];
    const auto us =
        std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start)
            .count() /
        kRuns;
    std::printf("280x280 canvas: %.1f us per drawing (%d)\n", us, sink);
    EXPECT_LT(us, 5000); // the goal is well under 1 ms; this bound only catches regressions of 10x
}

TEST(FeatureExtractor, OddImagesNeverFail) {
    // Seeded noise, stripes and slivers of every small size: a result, never a crash.
    std::uint32_t state = 12345;
    auto next = [&] { return state = state * 1664525u + 1013904223u; };
    for (int i = 0; i < 300; ++i) {
        const int w = 1 + int(next() % 70), h = 1 + int(next() % 70);
        GrayImage image{w, h, std::vector<std::uint8_t>(std::size_t(w) * std::size_t(h))};
        const int kind = i % 3;
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x)
                image.pixels[std::size_t(y) * w + x] = kind == 0   ? std::uint8_t(next() >> 24)
                                                       : kind == 1 ? std::uint8_t(x % 2 ? 0 : 255)
                                                                   : std::uint8_t(x == y ? 0 : 255);
        const auto f = extract_features(image);
        if (f.empty) continue;
        for (const auto v : f.x)
            ASSERT_LE(v, 16);
    }
    GrayImage black{20, 20, std::vector<std::uint8_t>(400, 0)};
    EXPECT_TRUE(extract_features(black).empty);
}
