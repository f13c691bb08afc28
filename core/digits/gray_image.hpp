#pragma once
#include <cstdint>
#include <filesystem>
#include <vector>

namespace liveml::digits {

// 8-bit grayscale raster, row-major. 0 = black, 255 = white (polarity of ink is detected
// by the feature extractor, not assumed).
struct GrayImage {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels;
    std::uint8_t at(int x, int y) const { return pixels[static_cast<std::size_t>(y) * width + x]; }
};

inline constexpr int kMaxImageSide = 16384;
// Bounds the decoded raster (8-bit grey plus alpha while decoding) to a few hundred MiB, so
// a small file claiming a huge canvas cannot exhaust memory.
inline constexpr long long kMaxImagePixels = 8192LL * 8192LL;
inline constexpr std::size_t kMaxImageFileBytes = 256u << 20;

// Decodes PNG/JPEG/BMP/PGM/… (stb_image) to grayscale, alpha composited onto white.
// Throws std::runtime_error for unreadable, corrupt, empty or oversized images.
GrayImage load_gray_image(const std::filesystem::path& path);

} // namespace liveml::digits
