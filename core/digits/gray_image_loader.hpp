#pragma once
#include <cstddef>
#include <filesystem>

#include "imaging/gray_image.hpp"

namespace liveml::digits {

// 0 = black, 255 = white; the feature extractor detects the ink's polarity, never assumes it.
using GrayImage = imaging::GrayImage;

inline constexpr int kMaxImageSide = 16384;
// Bounds the decoded raster (8-bit grey plus alpha while decoding) to a few hundred MiB, so
// a small file claiming a huge canvas cannot exhaust memory.
inline constexpr long long kMaxImagePixels = 8192LL * 8192LL;
inline constexpr std::size_t kMaxImageFileBytes = 256u << 20;

// Decodes PNG/JPEG/BMP/PGM/… to grayscale, alpha composited onto white (core/imaging).
// Throws std::runtime_error for unreadable, corrupt, empty or oversized images.
GrayImage load_gray_image(const std::filesystem::path& path);

} // namespace liveml::digits
