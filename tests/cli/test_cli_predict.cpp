// `liveml predict` on image files the test draws itself.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <numeric>
#include <sstream>

#include <nlohmann/json.hpp>

#define STB_IMAGE_WRITE_STATIC
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb_image_write.h>

#include "cli_process.hpp"
#include "digits/digits_dataset.hpp"

namespace liveml::cli::test {
namespace {

using nlohmann::json;

struct Point {
    double x, y;
};

// Antialiased thick polyline, dark ink on white, as a pen on the canvas would leave it.
std::vector<std::uint8_t> draw_strokes(int size, const std::vector<Point>& path, double radius) {
    std::vector<std::uint8_t> pixels(static_cast<std::size_t>(size) * size, 255);
    for (int py = 0; py < size; ++py)
        for (int px = 0; px < size; ++px) {
            double best = 1e9;
            for (std::size_t i = 0; i + 1 < path.size(); ++i) {
                const Point a = path[i], b = path[i + 1];
                const double dx = b.x - a.x, dy = b.y - a.y;
                const double len2 = dx * dx + dy * dy;
                const double s =
                    len2 > 0 ? std::clamp(((px - a.x) * dx + (py - a.y) * dy) / len2, 0.0, 1.0)
                             : 0.0;
                best = std::min(best, std::hypot(px - (a.x + s * dx), py - (a.y + s * dy)));
            }
            const double ink = std::clamp(radius + 0.5 - best, 0.0, 1.0);
            pixels[static_cast<std::size_t>(py) * size + px] =
                static_cast<std::uint8_t>(std::lround(255 * (1 - ink)));
        }
    return pixels;
}

// A handwritten-looking zero: an upright ellipse, off-centre on a 200×200 canvas.
void write_zero_png(const std::filesystem::path& path) {
    std::vector<Point> ring;
    for (int i = 0; i <= 64; ++i) {
        const double a = 2 * M_PI * i / 64;
        ring.push_back({90 + 35 * std::sin(a), 110 - 55 * std::cos(a)});
    }
    const auto pixels = draw_strokes(200, ring, 6);
    ASSERT_NE(stbi_write_png(path.c_str(), 200, 200, 1, pixels.data(), 200), 0);
}

void write_blank_png(const std::filesystem::path& path) {
    const std::vector<std::uint8_t> white(64 * 64, 255);
    ASSERT_NE(stbi_write_png(path.c_str(), 64, 64, 1, white.data(), 64), 0);
}

std::vector<json> json_lines(const std::string& text) {
    std::vector<json> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        out.push_back(json::parse(line));
    return out;
}

class CliPredict : public ::testing::Test {
  protected:
    void SetUp() override {
        const auto fit = run_liveml({"fit", "-i", digits::bundled_digits_path().string(), "-o",
                                     model_.string(), "--passes", "3"});
        ASSERT_EQ(fit.exit_code, 0) << fit.err;
        write_zero_png(dir_ / "zero.png");
    }
    TempDir dir_;
    std::filesystem::path model_ = dir_ / "digits.lvm";
};

TEST_F(CliPredict, DrawnZeroGetsTenProbabilitiesSummingToOne) {
    const auto run = run_liveml(
        {"predict", "--model", model_.string(), "--features", (dir_ / "zero.png").string()});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto lines = json_lines(run.out);
    ASSERT_EQ(lines.size(), 1u) << run.out;
    const json& r = lines[0];
    EXPECT_EQ(r["file"], (dir_ / "zero.png").string());
    const auto proba = r["proba"].get<std::vector<double>>();
    ASSERT_EQ(proba.size(), 10u);
    EXPECT_NEAR(std::accumulate(proba.begin(), proba.end(), 0.0), 1.0, 1e-12);
    const auto best = std::max_element(proba.begin(), proba.end()) - proba.begin();
    EXPECT_EQ(r["predict_y"], best) << "predict_y is the most probable class";
    EXPECT_EQ(r["predict_y"], 0) << run.out;

    const auto features = r["features"].get<std::vector<int>>();
    ASSERT_EQ(features.size(), 64u);
    EXPECT_TRUE(
        std::all_of(features.begin(), features.end(), [](int v) { return v >= 0 && v <= 16; }));
    EXPECT_GT(std::accumulate(features.begin(), features.end(), 0), 0);
}

TEST_F(CliPredict, BadFilesGetErrorLinesAndExitCodeThree) {
    std::ofstream(dir_ / "corrupt.png", std::ios::binary) << "\x89PNG\r\n\x1a\n garbage";
    write_blank_png(dir_ / "blank.png");
    const auto run = run_liveml({"predict", "-m", model_.string(), (dir_ / "corrupt.png").string(),
                                 (dir_ / "missing.png").string(), (dir_ / "zero.png").string(),
                                 (dir_ / "blank.png").string()});
    EXPECT_EQ(run.exit_code, 3) << run.err;
    const auto lines = json_lines(run.out);
    ASSERT_EQ(lines.size(), 4u) << run.out;
    EXPECT_EQ(lines[0]["file"], (dir_ / "corrupt.png").string());
    EXPECT_TRUE(lines[0]["error"].is_string());
    EXPECT_EQ(lines[1]["file"], (dir_ / "missing.png").string());
    EXPECT_TRUE(lines[1]["error"].is_string());
    EXPECT_EQ(lines[2]["proba"].size(), 10u);
    EXPECT_FALSE(lines[2].contains("error"));
    EXPECT_EQ(lines[3]["error"], "no ink found");
}

TEST_F(CliPredict, AllFilesBadExitsOne) {
    const auto run = run_liveml({"predict", "-m", model_.string(), (dir_ / "nope.png").string()});
    EXPECT_EQ(run.exit_code, 1);
    const auto lines = json_lines(run.out);
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_TRUE(lines[0].contains("error"));
}

TEST_F(CliPredict, UnusableModelExitsOneWithoutOutput) {
    std::ofstream(dir_ / "bad.lvm", std::ios::binary) << "LIVEMLM";
    const auto run =
        run_liveml({"predict", "-m", (dir_ / "bad.lvm").string(), (dir_ / "zero.png").string()});
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_TRUE(run.out.empty());
    EXPECT_NE(run.err.find("bad.lvm"), std::string::npos) << run.err;
}

TEST_F(CliPredict, HingeModelsGiveScoresInsteadOfProbabilities) {
    const auto hinge = dir_ / "hinge.lvm";
    ASSERT_EQ(run_liveml({"fit", "-i", digits::bundled_digits_path().string(), "-o", hinge.string(),
                          "--loss", "hinge"})
                  .exit_code,
              0);
    const auto run = run_liveml({"predict", "-m", hinge.string(), (dir_ / "zero.png").string()});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const json r = json::parse(run.out);
    const auto scores = r["scores"].get<std::vector<double>>();
    ASSERT_EQ(scores.size(), 10u);
    EXPECT_EQ(r["predict_y"], std::max_element(scores.begin(), scores.end()) - scores.begin());
    EXPECT_FALSE(r.contains("proba"));
}

TEST_F(CliPredict, AnyLearnersModelAnswers) {
    // The canvas preset (an MLP) gives probabilities; a perceptron gives its digit only.
    const auto preset = dir_ / "canvas.lvm";
    const auto perceptron = dir_ / "perceptron.lvm";
    ASSERT_EQ(run_liveml({"fit", "-i", digits::bundled_digits_path().string(), "-o",
                          preset.string(), "--preset", "canvas"})
                  .exit_code,
              0);
    ASSERT_EQ(run_liveml({"fit", "-i", digits::bundled_digits_path().string(), "-o",
                          perceptron.string(), "--learner", "perceptron"})
                  .exit_code,
              0);
    const auto mlp = run_liveml({"predict", "-m", preset.string(), (dir_ / "zero.png").string()});
    ASSERT_EQ(mlp.exit_code, 0) << mlp.err;
    const json a = json::parse(mlp.out);
    const auto proba = a["proba"].get<std::vector<double>>();
    ASSERT_EQ(proba.size(), 10u);
    EXPECT_NEAR(std::accumulate(proba.begin(), proba.end(), 0.0), 1.0, 1e-12);
    EXPECT_EQ(a["predict_y"], 0) << mlp.out;
    const auto margin =
        run_liveml({"predict", "-m", perceptron.string(), (dir_ / "zero.png").string()});
    ASSERT_EQ(margin.exit_code, 0) << margin.err;
    const json b = json::parse(margin.out);
    EXPECT_TRUE(b["predict_y"].is_number_integer());
    EXPECT_FALSE(b.contains("proba"));
    EXPECT_FALSE(b.contains("scores"));
}

} // namespace
} // namespace liveml::cli::test
