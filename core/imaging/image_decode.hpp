#pragma once
#include "imaging/gray_image.hpp"
#include "imaging/rgb_image.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>

namespace liveml::imaging {

struct DecodeLimits {
    std::uint64_t max_file_bytes = 256ull << 20;
    int max_side = 16384;
    std::uint64_t max_pixels = 100'000'000;
};

// Decodes PNG, JPEG, BMP (and the other formats stb_image knows: GIF first frame, PNM, TGA)
// to RGB8 as PIL's Image.convert("RGB") does (CLIP's reference preprocessing): grayscale
// replicated to three channels, palettes expanded, alpha dropped (colour channels kept).
// The size is checked from the header before any pixel is decoded. Throws
// std::runtime_error naming the file and the reason (missing, too big, corrupt, unsupported).
RgbImage decode_image_file(const std::filesystem::path& path, DecodeLimits limits = {});
RgbImage decode_image_bytes(std::span<const std::byte> bytes, DecodeLimits limits = {},
                            const char* source = "<memory>");

// The same checks and formats, decoded straight to grayscale (stb's luma of RGB), alpha
// composited over white: a third of the memory of RGB for the digit canvas pipeline.
GrayImage decode_gray_image_file(const std::filesystem::path& path, DecodeLimits limits = {});
GrayImage decode_gray_image_bytes(std::span<const std::byte> bytes, DecodeLimits limits = {},
                                  const char* source = "<memory>");

} // namespace liveml::imaging
