#include "common/file_bytes.hpp"
#include "datasets/builtin_datasets.hpp"
#include "datasets/caption_templates.hpp"
#include "datasets/csv_reader.hpp"
#include "datasets/idx_file.hpp"
#include "datasets/user_images.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>

using namespace liveml::datasets;
namespace fs = std::filesystem;

namespace {

fs::path temp_dir(const std::string& name) {
    const auto dir = fs::path(LIVEML_TEST_BINARY_DIR) / "datasets_tmp" / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

std::string be32(std::uint32_t v) {
    return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
            static_cast<char>(v)};
}

std::string idx_images(std::uint32_t magic, std::uint32_t count, std::uint32_t rows,
                       std::uint32_t cols, std::size_t payload) {
    std::string out = be32(magic) + be32(count) + be32(rows) + be32(cols);
    for (std::size_t i = 0; i < payload; ++i)
        out += static_cast<char>(i % 251);
    return out;
}

void expect_error(auto&& fn, const std::string& needle) {
    try {
        fn();
        ADD_FAILURE() << "no error; expected " << needle;
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find(needle), std::string::npos) << e.what();
    }
}

} // namespace

TEST(IdxFile, ReadsTinyFilesAndRejectsMalformedOnes) {
    const auto dir = temp_dir("idx");
    liveml::write_file_atomic(dir / "ok-images", idx_images(0x803, 2, 3, 2, 12));
    liveml::write_file_atomic(dir / "ok-labels",
                              be32(0x801) + be32(2) + std::string("\x07\x02", 2));
    const auto images = read_idx_images(dir / "ok-images");
    EXPECT_EQ(images.count, 2u);
    EXPECT_EQ(images.rows, 3);
    EXPECT_EQ(images.cols, 2);
    EXPECT_EQ(images.pixels[11], 11);
    EXPECT_EQ(read_idx_labels(dir / "ok-labels"), (std::vector<std::uint8_t>{7, 2}));

    liveml::write_file_atomic(dir / "magic", idx_images(0x801, 2, 3, 2, 12));
    expect_error([&] { read_idx_images(dir / "magic"); }, "bad idx magic 0x00000801");
    liveml::write_file_atomic(dir / "short", idx_images(0x803, 2, 3, 2, 11));
    expect_error([&] { read_idx_images(dir / "short"); }, "but the file holds 11");
    liveml::write_file_atomic(dir / "dims", idx_images(0x803, 1, 0, 2, 0));
    expect_error([&] { read_idx_images(dir / "dims"); }, "implausible image size 0x2");
    liveml::write_file_atomic(dir / "header", std::string("\0\0\x08", 3));
    expect_error([&] { read_idx_images(dir / "header"); }, "too short");
    liveml::write_file_atomic(dir / "labels", be32(0x801) + be32(5) + "ab");
    expect_error([&] { read_idx_labels(dir / "labels"); }, "promises 5 labels");

    // A split whose label file disagrees with its image file, or holds a label > 9.
    liveml::write_file_atomic(dir / "t10k-images-idx3-ubyte.gz", idx_images(0x803, 2, 3, 2, 12));
    liveml::write_file_atomic(dir / "t10k-labels-idx1-ubyte.gz", be32(0x801) + be32(1) + "\x01");
    expect_error([&] { load_fashion_mnist(Split::Test, dir); }, "holds 1 labels");
    liveml::write_file_atomic(dir / "t10k-labels-idx1-ubyte.gz",
                              be32(0x801) + be32(2) + std::string("\x01\x0c", 2));
    expect_error([&] { load_fashion_mnist(Split::Test, dir); }, "label 12 at index 1");
}

TEST(BuiltinDatasets, FashionMnistFromDebianPackage) {
    const auto test = load_fashion_mnist(Split::Test);
    EXPECT_EQ(test.size(), 10'000u);
    EXPECT_EQ(test.width, 28);
    EXPECT_EQ(test.height, 28);
    EXPECT_EQ(test.pixels.size(), 10'000u * 784);
    EXPECT_EQ(test.class_names.front(), "T-shirt/top");
    EXPECT_EQ(test.class_names.back(), "Ankle boot");
    std::array<int, 10> counts{};
    for (int label : test.labels)
        ++counts[static_cast<std::size_t>(label)];
    for (int c : counts)
        EXPECT_EQ(c, 1000);       // the test split is balanced
    EXPECT_EQ(test.labels[0], 9); // the first test image is an ankle boot
    EXPECT_EQ(load_fashion_mnist(Split::Train).size(), 60'000u);
}

TEST(BuiltinDatasets, DigitsAsEightByEightImages) {
    const auto train = load_digits(Split::Train);
    const auto test = load_digits(Split::Test);
    EXPECT_EQ(train.size() + test.size(), 1797u);
    EXPECT_EQ(train.width, 8);
    EXPECT_EQ(train.class_names[3], "three");
    EXPECT_EQ(std::set<int>(test.labels.begin(), test.labels.end()).size(), 10u);
    EXPECT_EQ(*std::max_element(train.pixels.begin(), train.pixels.end()), 255);
    EXPECT_GT(train.size(), 1400u);
}

TEST(Captions, TrainingAndZeroShotTemplatesAreDisjoint) {
    const auto zs = zeroshot_templates();
    ASSERT_EQ(zs.size(), 8u);
    EXPECT_EQ(zs[0], "a photo of a {}.");
    for (auto t : training_templates()) {
        EXPECT_EQ(std::find(zs.begin(), zs.end(), t), zs.end()) << t;
        for (auto phrase : {"photo", "itap", "origami", "video game", "art of", "large", "small"})
            EXPECT_EQ(std::string(t).find(phrase), std::string::npos) << t;
    }
    EXPECT_EQ(fill_template("a photo of the small {}.", "Ankle boot"),
              "a photo of the small Ankle boot.");
    EXPECT_THROW(fill_template("no slot", "x"), std::invalid_argument);
    EXPECT_EQ(zeroshot_prompts("Bag").size(), 8u);
    const std::vector<std::string> mine{"a drawing of a {}.", "{}, scribbled"};
    EXPECT_EQ(zeroshot_prompts("Bag", mine),
              (std::vector<std::string>{"a drawing of a Bag.", "Bag, scribbled"}));
    const std::vector<std::string> broken{"a {} here", "none here"};
    EXPECT_THROW(zeroshot_prompts("Bag", broken), std::invalid_argument);

    // Captions are deterministic per (index, seed) and varied across indices.
    EXPECT_EQ(training_caption("Coat", 5, 1), training_caption("Coat", 5, 1));
    std::set<std::string> seen;
    for (std::uint64_t i = 0; i < 200; ++i) {
        const auto caption = training_caption("Coat", i, 3);
        EXPECT_NE(caption.find("Coat"), std::string::npos);
        seen.insert(caption);
    }
    EXPECT_GE(seen.size(), 15u);
}

TEST(UserImages, CaptionsJsonlAndCsvWithBadRowsReported) {
    const auto dir = temp_dir("user");
    fs::create_directories(dir / "sub");
    liveml::write_file_atomic(dir / "a.png", "x");
    liveml::write_file_atomic(dir / "sub" / "b.JPG", "yy");
    liveml::write_file_atomic(dir / "notes.txt", "not an image");
    liveml::write_file_atomic(dir / ".hidden.png", "z");
    liveml::write_file_atomic(
        dir / "captions.jsonl",
        "{\"image\": \"a.png\", \"caption\": \"a red square\"}\n"
        "\n"
        "{\"image\": \"missing.png\", \"caption\": \"gone\"}\n"
        "not json\n"
        "{\"image\": \"sub/b.JPG\"}\n"
        "{\"image\": \"../a.png\", \"caption\": \"escape\"}\n"
        "{\"image\": \"sub/b.JPG\", \"caption\": \"a blue, \\\"round\\\" thing\"}\n");
    const auto jsonl = load_captioned_folder(dir, dir / "captions.jsonl");
    ASSERT_EQ(jsonl.items.size(), 2u);
    EXPECT_EQ(jsonl.items[0].image, dir / "a.png");
    EXPECT_EQ(jsonl.items[1].caption, "a blue, \"round\" thing");
    ASSERT_EQ(jsonl.problems.size(), 4u);
    EXPECT_EQ(jsonl.problems[0], "captions.jsonl:3: image 'missing.png' not found");
    EXPECT_EQ(jsonl.problems[1], "captions.jsonl:4: not a JSON object");
    EXPECT_NE(jsonl.problems[2].find("captions.jsonl:5: needs string fields"), std::string::npos);
    EXPECT_EQ(jsonl.problems[3], "captions.jsonl:6: image '../a.png' is outside the folder");

    liveml::write_file_atomic(dir / "captions.csv",
                              "id,Image,caption\r\n"
                              "1,a.png,\"multi\nline, quoted \"\"caption\"\"\"\r\n"
                              "2,missing.png,x\n"
                              "3,sub/b.JPG\n"
                              "4,sub/b.JPG,   \n");
    const auto csv = load_captioned_folder(dir, dir / "captions.csv");
    ASSERT_EQ(csv.items.size(), 1u);
    EXPECT_EQ(csv.items[0].caption, "multi\nline, quoted \"caption\"");
    ASSERT_EQ(csv.problems.size(), 3u);
    EXPECT_EQ(csv.problems[0], "captions.csv:4: image 'missing.png' not found");
    EXPECT_EQ(csv.problems[1], "captions.csv:5: too few fields");
    EXPECT_EQ(csv.problems[2], "captions.csv:6: empty caption for 'sub/b.JPG'");

    EXPECT_THROW(load_captioned_folder(dir, dir / "notes.txt"), std::runtime_error);
    EXPECT_THROW(load_captioned_folder(dir, dir / "absent.csv"), std::runtime_error);

    const auto scanned = scan_image_folder(dir);
    ASSERT_EQ(scanned.size(), 2u);
    EXPECT_EQ(scanned[0].path, "a.png");
    EXPECT_EQ(scanned[0].size, 1u);
    EXPECT_EQ(scanned[1].path, "sub/b.JPG");
    EXPECT_EQ(scanned[1].size, 2u);
    EXPECT_GT(scanned[1].mtime_ns, 1'500'000'000LL * 1'000'000'000LL);
    EXPECT_THROW(scan_image_folder(dir / "nope"), std::runtime_error);
}

TEST(Csv, UnterminatedQuoteIsReported) {
    std::string error;
    const auto records = parse_csv("a,b\n1,\"open", error);
    EXPECT_EQ(records.size(), 1u);
    EXPECT_EQ(error, "line 2: unterminated quoted field");
}
