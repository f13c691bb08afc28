#include "imaging/image_decode.hpp"

#include "common/file_bytes.hpp"

#include <climits>
#include <memory>
#include <stdexcept>
#include <string>

// stb_image with internal linkage: core/digits embeds its own copy the same way, and two
// static copies cannot clash at link time.
#define STB_IMAGE_IMPLEMENTATION
#define STB_IMAGE_STATIC
#define STBI_NO_STDIO
#define STBI_NO_HDR
#define STBI_NO_LINEAR
#define STBI_NO_PSD
#define STBI_NO_PIC
#define STBI_MAX_DIMENSIONS 65536
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wsign-compare"
#endif
#include <stb_image.h>
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

namespace liveml::imaging {
namespace {

[[noreturn]] void fail(const char* source, const std::string& what) {
    throw std::runtime_error(std::string(source) + ": " + what);
}

// Straight alpha over an opaque white background, rounded to nearest.
std::uint8_t over_white(unsigned value, unsigned alpha) {
    return static_cast<std::uint8_t>((value * alpha + 255u * (255u - alpha) + 127u) / 255u);
}

} // namespace

RgbImage decode_image_bytes(std::span<const std::byte> bytes, DecodeLimits limits,
                            const char* source) {
    if (bytes.empty()) fail(source, "empty file");
    if (bytes.size() > limits.max_file_bytes || bytes.size() > static_cast<std::size_t>(INT_MAX))
        fail(source, "file is larger than the limit of " + std::to_string(limits.max_file_bytes) +
                         " bytes");
    const auto* data = reinterpret_cast<const stbi_uc*>(bytes.data());
    const int length = static_cast<int>(bytes.size());
    int width = 0, height = 0, channels = 0;
    if (!stbi_info_from_memory(data, length, &width, &height, &channels))
        fail(source, std::string("not a decodable image (") + stbi_failure_reason() + ")");
    if (width <= 0 || height <= 0) fail(source, "image has no pixels");
    if (width > limits.max_side || height > limits.max_side ||
        static_cast<std::uint64_t>(width) * static_cast<std::uint64_t>(height) > limits.max_pixels)
        fail(source, "image " + std::to_string(width) + "x" + std::to_string(height) +
                         " exceeds the size limit (" + std::to_string(limits.max_side) +
                         " per side, " + std::to_string(limits.max_pixels) + " pixels)");

    const bool has_alpha = channels == 2 || channels == 4;
    const int wanted = has_alpha ? 4 : 3; // stb replicates gray into RGB itself
    std::unique_ptr<stbi_uc, void (*)(void*)> pixels(
        stbi_load_from_memory(data, length, &width, &height, &channels, wanted), stbi_image_free);
    if (!pixels) fail(source, std::string("corrupt image data (") + stbi_failure_reason() + ")");

    RgbImage image;
    image.width = width;
    image.height = height;
    const std::size_t count = static_cast<std::size_t>(width) * static_cast<std::size_t>(height);
    image.pixels.resize(count * 3);
    const stbi_uc* in = pixels.get();
    if (!has_alpha) {
        std::copy(in, in + count * 3, image.pixels.begin());
        return image;
    }
    for (std::size_t i = 0; i < count; ++i)
        for (int c = 0; c < 3; ++c)
            image.pixels[i * 3 + c] = over_white(in[i * 4 + c], in[i * 4 + 3]);
    return image;
}

RgbImage decode_image_file(const std::filesystem::path& path, DecodeLimits limits) {
    const std::string bytes = read_file_bytes(path, limits.max_file_bytes);
    return decode_image_bytes(std::as_bytes(std::span(bytes.data(), bytes.size())), limits,
                              path.c_str());
}

} // namespace liveml::imaging
