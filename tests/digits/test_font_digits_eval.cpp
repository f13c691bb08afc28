// Accuracy on handwriting the model never trained on: digits rendered in Debian's
// handwriting-style fonts by scripts/make-font-digits.py (held-out fonts were kept out of
// every tuning decision). Compares the original web page's "resize the canvas to 8x8"
// input, our pipeline with a model trained on the plain digits, our pipeline with the
// default (augmented) model, and with the canvas preset (`liveml fit --preset canvas`).
// docs/features.md and docs/learners.md record the table this prints.
#include "digits/canvas_preset.hpp"
#include "digits/default_model.hpp"
#include "digits/feature_extractor.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

namespace fs = std::filesystem;
using namespace liveml::digits;

namespace {

struct Item {
    fs::path file;
    int label;
    std::string font, split;
};

fs::path font_set() {
    const fs::path dir = fs::path(LIVEML_TEST_BINARY_DIR) / "font-digits";
    const fs::path script =
        fs::path(LIVEML_TEST_SOURCE_DIR) / ".." / "scripts" / "make-font-digits.py";
    const auto labels = dir / "labels.csv";
    // Rendering takes a while; redo it only when the script changed since.
    if (!fs::exists(labels) || fs::last_write_time(labels) < fs::last_write_time(script)) {
        const std::string cmd = "timeout 240 " + std::string(LIVEML_PYTHON) + " '" +
                                script.string() + "' --out '" + dir.string() + "' > /dev/null";
        if (std::system(cmd.c_str()) != 0) return {};
    }
    return dir;
}

std::vector<Item> read_labels(const fs::path& dir) {
    std::ifstream in(dir / "labels.csv");
    std::string line;
    std::getline(in, line); // header
    std::vector<Item> items;
    while (std::getline(in, line)) {
        std::stringstream ss(line);
        std::string file, label, font, split;
        std::getline(ss, file, ',');
        std::getline(ss, label, ',');
        std::getline(ss, font, ',');
        std::getline(ss, split, ',');
        items.push_back({dir / file, std::stoi(label), font, split});
    }
    return items;
}

// The original web page's input: the whole canvas averaged down to 8x8, darkness scaled
// to 0..16. It is given the polarity (light or dark paper) for free.
Features resize_canvas_to_8x8(const GrayImage& image) {
    long border = 0;
    for (int x = 0; x < image.width; ++x)
        border += image.at(x, 0);
    const bool dark_paper = border < 128L * image.width;
    std::array<double, kFeatures> sum{}, count{};
    for (int y = 0; y < image.height; ++y)
        for (int x = 0; x < image.width; ++x) {
            const std::size_t cell =
                std::size_t(y * 8 / image.height) * 8 + std::size_t(x * 8 / image.width);
            sum[cell] += dark_paper ? image.at(x, y) : 255 - image.at(x, y);
            count[cell] += 1;
        }
    Features f{};
    for (std::size_t j = 0; j < kFeatures; ++j)
        f[j] = std::uint8_t(std::lround(sum[j] / count[j] / 255.0 * 16.0));
    return f;
}

constexpr int kColumns = 4;

struct Tally {
    int right[kColumns] = {};
    int total = 0;
    double accuracy(int k) const { return total ? double(right[k]) / total : 0.0; }
};

} // namespace

TEST(FontDigitsEval, DefaultModelReadsUnseenHandwriting) {
    const auto dir = font_set();
    if (dir.empty()) GTEST_FAIL() << "could not render the font set (python3-pil, fonts-*)";
    const auto items = read_labels(dir);
    ASSERT_GE(items.size(), 1000u);

    const auto digits = load_digits_csv(bundled_digits_path());
    const auto plain = train_plain_model(digits);
    const auto start = std::chrono::steady_clock::now();
    const auto augmented = train_default_model(digits);
    const double train_s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const auto canvas_start = std::chrono::steady_clock::now();
    const auto canvas = train_canvas_model(digits, load_digits_csv(bundled_font_digits_path()));
    const double canvas_train_s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - canvas_start).count();

    std::map<std::string, Tally> per_font, per_split;
    std::map<std::string, std::string> split_of;
    long ink = 0, zero_cells = 0, full_cells = 0, cells = 0;
    for (const auto& item : items) {
        const auto image = load_gray_image(item.file);
        const auto ours = extract_features(image);
        ASSERT_FALSE(ours.empty) << item.file;
        const int predictions[kColumns] = {plain.predict(to_doubles(resize_canvas_to_8x8(image))),
                                           plain.predict(to_doubles(ours.x)),
                                           augmented.predict(to_doubles(ours.x)),
                                           canvas->predict(to_doubles(ours.x))};
        for (auto* tally : {&per_font[item.font], &per_split[item.split], &per_split["all"]}) {
            for (int k = 0; k < kColumns; ++k)
                tally->right[k] += predictions[k] == item.label;
            ++tally->total;
        }
        split_of[item.font] = item.split;
        for (const auto v : ours.x) {
            ink += v;
            zero_cells += v == 0;
            full_cells += v == 16;
            ++cells;
        }
    }

    std::printf("| font | split | n | 8x8 resize | ours, plain model | ours, default model | "
                "ours, canvas preset |\n");
    std::printf("|---|---|---|---|---|---|---|\n");
    for (const auto& [font, t] : per_font)
        std::printf("| %s | %s | %d | %.2f | %.2f | %.2f | %.2f |\n", font.c_str(),
                    split_of[font].c_str(), t.total, t.accuracy(0), t.accuracy(1), t.accuracy(2),
                    t.accuracy(3));
    for (const auto& [split, t] : per_split)
        std::printf("| **%s** | | %d | %.3f | %.3f | %.3f | %.3f |\n", split.c_str(), t.total,
                    t.accuracy(0), t.accuracy(1), t.accuracy(2), t.accuracy(3));
    const double n = double(items.size());
    std::printf("features: mean ink %.1f, zero cells %.3f, cells of 16 %.3f (digits set: 312.6, "
                "0.489, 0.091); default model trained in %.2f s, canvas preset in %.2f s\n",
                double(ink) / n, double(zero_cells) / double(cells),
                double(full_cells) / double(cells), train_s, canvas_train_s);

    const auto& holdout = per_split["holdout"];
    EXPECT_GE(holdout.accuracy(2), 0.60);
    EXPECT_GE(per_split["all"].accuracy(2), 0.55);
    EXPECT_GT(holdout.accuracy(2), holdout.accuracy(0) + 0.3);
    // The canvas preset: 0.771 measured (deterministic), below the 0.85 goal.
    EXPECT_GE(holdout.accuracy(3), 0.76);
    // The canvas features have the digits set's statistics.
    EXPECT_NEAR(double(ink) / n, 312.6, 20);
    EXPECT_NEAR(double(zero_cells) / double(cells), 0.489, 0.04);
    EXPECT_NEAR(double(full_cells) / double(cells), 0.091, 0.04);
}
