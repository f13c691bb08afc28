#include "common/file_bytes.hpp"
#include "imaging/clip_preprocess.hpp"
#include "imaging/image_decode.hpp"
#include "imaging/resize.hpp"

#include <gtest/gtest.h>

#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STB_IMAGE_WRITE_STATIC
#include <stb_image_write.h>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <zlib.h>

using namespace liveml::imaging;
namespace fs = std::filesystem;

namespace {

fs::path temp_dir(const std::string& name) {
    const auto dir = fs::path(LIVEML_TEST_BINARY_DIR) / "imaging_tmp" / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

RgbImage noise_image(int width, int height, unsigned seed) {
    std::mt19937 rng(seed);
    RgbImage image{width, height,
                   std::vector<std::uint8_t>(static_cast<std::size_t>(width) * height * 3)};
    // Smooth ramps plus noise: exercises both the interpolation and the 0/255 clipping.
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            for (int c = 0; c < 3; ++c) {
                const int ramp = (x * 255 / width + y * 128 / height + c * 60) % 256;
                const int noisy = ramp + static_cast<int>(rng() % 61) - 30;
                image.pixels[(static_cast<std::size_t>(y) * width + x) * 3 + c] =
                    static_cast<std::uint8_t>(std::clamp(noisy, 0, 255));
            }
    return image;
}

void write_ppm(const fs::path& path, const RgbImage& image) {
    std::ofstream out(path, std::ios::binary);
    out << "P6\n" << image.width << ' ' << image.height << "\n255\n";
    out.write(reinterpret_cast<const char*>(image.pixels.data()),
              static_cast<std::streamsize>(image.pixels.size()));
}

template <typename T> std::vector<T> read_raw(const fs::path& path) {
    const auto bytes = liveml::read_file_bytes(path, 64u << 20);
    std::vector<T> out(bytes.size() / sizeof(T));
    std::memcpy(out.data(), bytes.data(), out.size() * sizeof(T));
    return out;
}

void put_u32(std::string& out, std::uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8)
        out += static_cast<char>((v >> shift) & 0xff);
}

void put_chunk(std::string& out, const char* type, const std::string& data) {
    put_u32(out, static_cast<std::uint32_t>(data.size()));
    const std::string body = type + data;
    out += body;
    put_u32(out, static_cast<std::uint32_t>(
                     crc32(0, reinterpret_cast<const Bytef*>(body.data()), body.size())));
}

// A minimal 8-bit PNG with an optional PLTE and tRNS, which stb_image_write cannot make:
// `rows` are the unfiltered scanlines of `color_type` (0 gray, 2 RGB, 3 palette, 4 gray+alpha).
void write_png(const fs::path& path, int width, int height, int color_type, const std::string& rows,
               const std::string& palette = {}, const std::string& transparency = {}) {
    std::string png = "\x89PNG\r\n\x1a\n";
    std::string header;
    put_u32(header, static_cast<std::uint32_t>(width));
    put_u32(header, static_cast<std::uint32_t>(height));
    header += std::string{8, static_cast<char>(color_type), 0, 0, 0};
    put_chunk(png, "IHDR", header);
    if (!palette.empty()) put_chunk(png, "PLTE", palette);
    if (!transparency.empty()) put_chunk(png, "tRNS", transparency);
    std::string filtered; // filter type 0 (none) before each scanline
    const std::size_t stride = rows.size() / static_cast<std::size_t>(height);
    for (int y = 0; y < height; ++y)
        filtered += '\0' + rows.substr(static_cast<std::size_t>(y) * stride, stride);
    uLongf size = compressBound(filtered.size());
    std::string compressed(size, '\0');
    ASSERT_EQ(compress(reinterpret_cast<Bytef*>(compressed.data()), &size,
                       reinterpret_cast<const Bytef*>(filtered.data()), filtered.size()),
              Z_OK);
    compressed.resize(size);
    put_chunk(png, "IDAT", compressed);
    put_chunk(png, "IEND", "");
    liveml::write_file_atomic(path, png);
}

std::string random_bytes(std::size_t n, unsigned seed) {
    std::mt19937 rng(seed);
    std::string out(n, '\0');
    for (auto& b : out)
        b = static_cast<char>(rng() & 0xff);
    return out;
}

} // namespace

TEST(ImageDecode, GrayscaleExpandsToRgbAndAlphaIsDropped) {
    const auto dir = temp_dir("decode");
    const std::uint8_t gray[4] = {0, 100, 200, 255};
    ASSERT_TRUE(stbi_write_png((dir / "gray.png").c_str(), 2, 2, 1, gray, 2));
    const auto g = decode_image_file(dir / "gray.png");
    ASSERT_EQ(g.width, 2);
    ASSERT_EQ(g.height, 2);
    EXPECT_EQ(g.pixels,
              (std::vector<std::uint8_t>{0, 0, 0, 100, 100, 100, 200, 200, 200, 255, 255, 255}));

    // Red at alpha 0, green at 255, blue at 128: the colours stay, whatever the alpha (as
    // PIL's convert("RGB"); ImageDecode.TransparentPngsMatchPil checks against PIL itself).
    const std::uint8_t rgba[12] = {255, 0, 0, 0, 0, 255, 0, 255, 0, 0, 255, 128};
    ASSERT_TRUE(stbi_write_png((dir / "rgba.png").c_str(), 3, 1, 4, rgba, 12));
    const auto c = decode_image_file(dir / "rgba.png");
    EXPECT_EQ(c.pixels, (std::vector<std::uint8_t>{255, 0, 0, 0, 255, 0, 0, 0, 255}));
    // The digit pipeline's gray decode still reads transparent as paper (white).
    EXPECT_EQ(decode_gray_image_file(dir / "rgba.png").pixels[0], 255);

    const std::uint8_t rgb[6] = {10, 20, 30, 40, 50, 60};
    ASSERT_TRUE(stbi_write_bmp((dir / "rgb.bmp").c_str(), 2, 1, 3, rgb));
    EXPECT_EQ(decode_image_file(dir / "rgb.bmp").pixels, (std::vector<std::uint8_t>(rgb, rgb + 6)));
    ASSERT_TRUE(stbi_write_jpg((dir / "rgb.jpg").c_str(), 2, 1, 3, rgb, 95));
    EXPECT_EQ(decode_image_file(dir / "rgb.jpg").width, 2);
}

// CLIPImageProcessor reads images with PIL's convert("RGB"), which keeps the colour channels of
// transparent pixels; our decode must give the same bytes for every PNG kind with alpha.
TEST(ImageDecode, TransparentPngsMatchPil) {
    const auto dir = temp_dir("transparent");
    constexpr int w = 7, h = 5;
    constexpr std::size_t n = w * h;
    std::string palette = random_bytes(16 * 3, 4);
    std::string indices = random_bytes(n, 5);
    for (auto& i : indices)
        i = static_cast<char>(static_cast<unsigned char>(i) % 16);
    const std::vector<std::string> names{"rgba.png", "la.png", "palette_trns.png", "gray_trns.png",
                                         "rgb_trns.png"};
    const auto rgba = random_bytes(n * 4, 1);
    ASSERT_TRUE(stbi_write_png((dir / names[0]).c_str(), w, h, 4, rgba.data(), w * 4));
    const auto la = random_bytes(n * 2, 2);
    ASSERT_TRUE(stbi_write_png((dir / names[1]).c_str(), w, h, 2, la.data(), w * 2));
    write_png(dir / names[2], w, h, 3, indices, palette, random_bytes(10, 6)); // alpha of 10
    std::string gray = random_bytes(n, 7);
    gray[0] = gray[3] = 42; // the tRNS key colour occurs
    write_png(dir / names[3], w, h, 0, gray, {}, std::string{0, 42});
    std::string rgb = random_bytes(n * 3, 8);
    rgb.replace(0, 3, "\x01\x02\x03");
    write_png(dir / names[4], w, h, 2, rgb, {}, std::string{0, 1, 0, 2, 0, 3});

    for (const auto& name : names) {
        const auto image = decode_image_file(dir / name);
        ASSERT_EQ(image.width, w) << name;
        ASSERT_EQ(image.height, h) << name;
        // Resizing to its own size is a plain copy in PIL: resized.rgb is convert("RGB").
        const auto out = temp_dir("transparent_" + name);
        const std::string cmd =
            "timeout 60 " LIVEML_PYTHON " " LIVEML_TEST_SOURCE_DIR "/imaging/pil_reference.py " +
            (dir / name).string() + " " + out.string() + " " + std::to_string(w) + " " +
            std::to_string(h) + " " + std::to_string(h);
        ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
        const auto pil = read_raw<std::uint8_t>(out / "resized.rgb");
        EXPECT_EQ(pil, image.pixels) << name;
        // Not a vacuous comparison: the colours differ from pixel to pixel.
        EXPECT_NE(std::set<std::uint8_t>(pil.begin(), pil.end()).size(), 1u) << name;
    }
}

TEST(ImageDecode, BadFilesGiveClearErrors) {
    const auto dir = temp_dir("bad");
    auto expect_error = [](const fs::path& path, const std::string& needle,
                           DecodeLimits limits = {}) {
        try {
            decode_image_file(path, limits);
            ADD_FAILURE() << "decoded " << path;
        } catch (const std::runtime_error& e) {
            EXPECT_NE(std::string(e.what()).find(needle), std::string::npos) << e.what();
            EXPECT_NE(std::string(e.what()).find(path.filename().string()), std::string::npos);
        }
    };
    expect_error(dir / "missing.png", "missing.png");
    liveml::write_file_atomic(dir / "empty.png", "");
    expect_error(dir / "empty.png", "empty file");
    liveml::write_file_atomic(dir / "text.png", "this is not an image at all");
    expect_error(dir / "text.png", "not a decodable image");

    std::vector<std::uint8_t> big(64 * 48 * 3, 7);
    ASSERT_TRUE(stbi_write_png((dir / "big.png").c_str(), 64, 48, 3, big.data(), 64 * 3));
    expect_error(dir / "big.png", "exceeds the size limit", DecodeLimits{.max_side = 32});
    expect_error(dir / "big.png", "exceeds the size limit", DecodeLimits{.max_pixels = 1000});
    expect_error(dir / "big.png", "limit 10", DecodeLimits{.max_file_bytes = 10});

    // A PNG cut in the middle of its pixel data: the header still parses, decoding fails.
    const auto whole = liveml::read_file_bytes(dir / "big.png", 1u << 20);
    liveml::write_file_atomic(dir / "cut.png", whole.substr(0, whole.size() / 2));
    expect_error(dir / "cut.png", "corrupt image data");
}

// Inputs found by fuzz/image_decode that Debian's stb_image mishandles: SOI then a DHT table
// whose 16 code counts add up to 325 (stb writes that many symbols into a 256-entry table),
// and a PGM whose width overflows stb's int parser. Both are refused before stb sees them.
TEST(ImageDecode, RefusesInputsThatStbMishandles) {
    const std::pair<std::string, const char*> cases[] = {
        {std::string("\xff\xd8\xff\xc4\x00\x03\x03\xc4\x81", 9), "more than 256 codes"},
        {"P5\n5\n" + std::string(40, '0') + "1000000000000<", "header number is too large"},
        // Found by fuzz/image_decode: a truncated 16-bit PPM decoded to gray overran the heap.
        {std::string("P6\n5\n52\n25555\nP6\n52\0\0 \0\0", 24), "16-bit PGM/PPM"},
        {std::string("P5 1 1 65535 \x12\x34", 15), "16-bit PGM/PPM"},
    };
    for (const auto& [bytes, reason] : cases) {
        const auto span = std::as_bytes(std::span(bytes.data(), bytes.size()));
        for (auto decode :
             {+[](std::span<const std::byte> b) { (void)decode_image_bytes(b); },
              +[](std::span<const std::byte> b) { (void)decode_gray_image_bytes(b); }}) {
            try {
                decode(span);
                ADD_FAILURE() << "decoded " << reason;
            } catch (const std::runtime_error& e) {
                EXPECT_NE(std::string(e.what()).find(reason), std::string::npos) << e.what();
            }
        }
    }
}

TEST(ClipPreprocess, OutputGeometry) {
    EXPECT_EQ(shortest_side_size(640, 480, 224),
              (std::array<int, 2>{298, 224})); // 298.67 truncated
    EXPECT_EQ(shortest_side_size(480, 640, 224), (std::array<int, 2>{224, 298}));
    EXPECT_EQ(shortest_side_size(224, 224, 224), (std::array<int, 2>{224, 224}));
    EXPECT_EQ(shortest_side_size(28, 28, 224), (std::array<int, 2>{224, 224}));
    EXPECT_EQ(center_crop_origin(298, 224, 224), (std::array<int, 2>{37, 0}));
    EXPECT_EQ(center_crop_origin(224, 299, 224), (std::array<int, 2>{0, 37}));
}

TEST(ClipPreprocess, UniformImageGivesNormalisedConstant) {
    RgbImage image{50, 30, std::vector<std::uint8_t>(50 * 30 * 3)};
    for (std::size_t i = 0; i < image.pixels.size(); i += 3) {
        image.pixels[i] = 255;
        image.pixels[i + 1] = 128;
        image.pixels[i + 2] = 0;
    }
    const ClipPreprocessConfig cfg{.size = 16};
    const auto out = clip_preprocess(image, cfg);
    ASSERT_EQ(out.size(), 3u * 16 * 16);
    const float expected[3] = {(1.0f - cfg.mean[0]) / cfg.std[0],
                               (128.0f / 255.0f - cfg.mean[1]) / cfg.std[1],
                               (0.0f - cfg.mean[2]) / cfg.std[2]};
    for (int c = 0; c < 3; ++c)
        for (int i = 0; i < 256; ++i)
            EXPECT_NEAR(out[c * 256 + i], expected[c], 1e-6f);
}

TEST(ClipPreprocess, CenterCropKeepsTheMiddle) {
    // 8x4 image whose columns 2..5 are white: after "resize" to shortest side 4 (no change)
    // and a 4x4 center crop from x = 2, every pixel is white.
    RgbImage image{8, 4, std::vector<std::uint8_t>(8 * 4 * 3, 0)};
    for (int y = 0; y < 4; ++y)
        for (int x = 2; x < 6; ++x)
            for (int c = 0; c < 3; ++c)
                image.pixels[(y * 8 + x) * 3 + c] = 255;
    const auto out = clip_preprocess(image, {.size = 4, .mean = {0, 0, 0}, .std = {1, 1, 1}});
    for (float v : out)
        EXPECT_FLOAT_EQ(v, 1.0f);
    EXPECT_THROW(crop(image, 6, 0, 4, 4), std::invalid_argument);
}

TEST(ClipPreprocess, MatchesPillowAndTransformersRecipe) {
    const auto dir = temp_dir("pil");
    struct Case {
        int w, h, crop;
    };
    // Downscale (anti-aliased), upscale, and a one-axis resize.
    for (const Case& tc : {Case{97, 61, 40}, Case{23, 31, 48}, Case{64, 40, 40}}) {
        const auto image = noise_image(tc.w, tc.h, static_cast<unsigned>(tc.w * 1000 + tc.h));
        write_ppm(dir / "in.ppm", image);
        const auto [rw, rh] = shortest_side_size(tc.w, tc.h, tc.crop);
        const std::string cmd =
            "timeout 60 " LIVEML_PYTHON " " LIVEML_TEST_SOURCE_DIR "/imaging/pil_reference.py " +
            (dir / "in.ppm").string() + " " + dir.string() + " " + std::to_string(rw) + " " +
            std::to_string(rh) + " " + std::to_string(tc.crop);
        ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;

        const auto ours = resize_bicubic(image, rw, rh);
        const auto pil = read_raw<std::uint8_t>(dir / "resized.rgb");
        ASSERT_EQ(pil.size(), ours.pixels.size());
        int worst = 0;
        for (std::size_t i = 0; i < pil.size(); ++i)
            worst = std::max(worst, std::abs(int(pil[i]) - int(ours.pixels[i])));
        EXPECT_EQ(worst, 0) << tc.w << "x" << tc.h << " -> " << rw << "x" << rh;

        const auto reference = read_raw<float>(dir / "clip.f32");
        const auto tensor = clip_preprocess(image, {.size = tc.crop});
        ASSERT_EQ(reference.size(), tensor.size());
        float max_diff = 0;
        for (std::size_t i = 0; i < tensor.size(); ++i)
            max_diff = std::max(max_diff, std::fabs(reference[i] - tensor[i]));
        EXPECT_LE(max_diff, 1e-6f);
    }
}

TEST(GrayToChw, NativeSizeReplicatedAndResized) {
    const std::vector<std::uint8_t> px{0, 255, 255, 0};
    std::vector<float> out(3 * 4);
    gray_to_chw(px, 2, 2,
                {.size = 2, .channels = 3, .scale = 1.0f / 255, .mean = 0.5f, .std = 0.5f}, out);
    EXPECT_EQ(out, (std::vector<float>{-1, 1, 1, -1, -1, 1, 1, -1, -1, 1, 1, -1}));

    // 2x2 -> 4x4 bilinear: corners keep the source values, inner pixels blend.
    std::vector<float> up(16);
    gray_to_chw(px, 2, 2, {.size = 4, .channels = 1, .scale = 1.0f}, up);
    EXPECT_FLOAT_EQ(up[0], 0.0f);
    EXPECT_FLOAT_EQ(up[3], 255.0f);
    EXPECT_FLOAT_EQ(up[1], 63.75f);                  // x = 0.25 between 0 and 255
    EXPECT_FLOAT_EQ(up[5], 0.25f * 0.75f * 255 * 2); // (0.25, 0.25) blend of the 2x2

    std::vector<float> wrong(5);
    EXPECT_THROW(gray_to_chw(px, 2, 2, {.size = 2}, wrong), std::invalid_argument);
    EXPECT_THROW(gray_to_chw(px, 3, 2, {.size = 2}, out), std::invalid_argument);
}
