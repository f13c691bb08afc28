#include "digits/gray_image_loader.hpp"

#include "scratch_files.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STB_IMAGE_WRITE_STATIC
#include <stb/stb_image_write.h>

namespace fs = std::filesystem;
using namespace liveml::digits;

namespace {

constexpr std::string_view kTag = "gray-image";

fs::path write(std::string_view name, std::string_view bytes) {
    return liveml::testing::scratch_file(kTag, name, bytes);
}

fs::path temp_dir() {
    return liveml::testing::scratch_dir(kTag);
}

std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

// A 4x3 grey+alpha PNG: left half opaque black, right half fully transparent black.
fs::path transparent_png() {
    std::vector<unsigned char> ga;
    for (int y = 0; y < 3; ++y)
        for (int x = 0; x < 4; ++x)
            ga.insert(ga.end(), {0, static_cast<unsigned char>(x < 2 ? 255 : 0)});
    const auto path = temp_dir() / "alpha.png";
    stbi_write_png(path.c_str(), 4, 3, 2, ga.data(), 4 * 2);
    return path;
}

std::string error_for(const fs::path& path) {
    try {
        load_gray_image(path);
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    return "no error";
}

} // namespace

TEST(GrayImage, LoadsRgbPngAsGrey) {
    const unsigned char rgb[] = {255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255};
    const auto path = temp_dir() / "rgb.png";
    ASSERT_TRUE(stbi_write_png(path.c_str(), 2, 2, 3, rgb, 2 * 3));
    const auto image = load_gray_image(path);
    ASSERT_EQ(image.width, 2);
    ASSERT_EQ(image.height, 2);
    EXPECT_LT(image.at(0, 0), image.at(1, 0)); // red is darker than green
    EXPECT_EQ(image.at(1, 1), 255);
}

TEST(GrayImage, TransparencyReadsAsWhitePaper) {
    const auto image = load_gray_image(transparent_png());
    EXPECT_EQ(image.at(0, 0), 0);
    EXPECT_EQ(image.at(3, 2), 255);
}

TEST(GrayImage, LoadsBinaryPgm) {
    const auto image =
        load_gray_image(write("small.pgm", std::string("P5\n3 1\n255\n\x00\x80\xff", 14)));
    ASSERT_EQ(image.width, 3);
    EXPECT_EQ(image.at(1, 0), 0x80);
}

TEST(GrayImage, RejectsEmptyCorruptAndTruncatedFiles) {
    EXPECT_NE(error_for(write("empty.png", "")).find("empty file"), std::string::npos);
    EXPECT_NE(
        error_for(write("junk.png", "this is not an image at all")).find("not a decodable image"),
        std::string::npos);
    const auto png = read(transparent_png());
    EXPECT_NE(error_for(write("cut.png", png.substr(0, png.size() / 2))), "no error");
    EXPECT_NE(error_for(write("header-only.png", png.substr(0, 24))), "no error");
    EXPECT_NE(error_for(temp_dir() / "missing.png"), "no error");
}

TEST(GrayImage, RejectsZeroAndOversizedDimensionsBeforeDecoding) {
    EXPECT_NE(error_for(write("zero.pgm", "P5\n0 10\n255\n")), "no error");
    // A header claiming 20000 x 20000 pixels: refused from the header, no 400 MB allocation.
    const auto huge = error_for(write("huge.pgm", "P5\n20000 20000\n255\n\x00\x00"));
    EXPECT_NE(huge.find("20000x20000"), std::string::npos) << huge;
    const auto wide = error_for(write("wide.pgm", "P5\n16000 16000\n255\n\x00"));
    EXPECT_NE(wide.find("limit"), std::string::npos) << wide;
}
