#include "digits/gray_image_loader.hpp"

#include "imaging/image_decode.hpp"

#include <cstdint>

namespace liveml::digits {

GrayImage load_gray_image(const std::filesystem::path& path) {
    imaging::DecodeLimits limits;
    limits.max_file_bytes = kMaxImageFileBytes;
    limits.max_side = kMaxImageSide;
    limits.max_pixels = static_cast<std::uint64_t>(kMaxImagePixels);
    return imaging::decode_gray_image_file(path, limits);
}

} // namespace liveml::digits
