#include "imaging/image_decode.hpp"

#include "common/file_bytes.hpp"
#include "imaging/stb_input_guard.hpp"

#include <climits>
#include <memory>
#include <stdexcept>
#include <string>

// The project's only copy of stb_image, with internal linkage so a library linked beside us
// that bundles its own stb cannot clash with it.
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

using StbPixels = std::unique_ptr<stbi_uc, void (*)(void*)>;

struct Decoded {
    StbPixels pixels{nullptr, stbi_image_free};
    int width = 0;
    int height = 0;
    bool has_alpha = false;
};

// Validates the header against the limits before anything is allocated, then decodes to
// `channels(has_alpha)` channels per pixel.
template <typename ChannelsFor>
Decoded decode_checked(std::span<const std::byte> bytes, const DecodeLimits& limits,
                       const char* source, ChannelsFor channels_for) {
    if (bytes.empty()) fail(source, "empty file");
    if (bytes.size() > limits.max_file_bytes || bytes.size() > static_cast<std::size_t>(INT_MAX))
        fail(source, "file is larger than the limit of " + std::to_string(limits.max_file_bytes) +
                         " bytes");
    if (const std::string_view defect = stb_input_defect(bytes); !defect.empty())
        fail(source, "corrupt image (" + std::string(defect) + ")");
    const auto* data = reinterpret_cast<const stbi_uc*>(bytes.data());
    const int length = static_cast<int>(bytes.size());
    Decoded out;
    int channels = 0;
    if (!stbi_info_from_memory(data, length, &out.width, &out.height, &channels))
        fail(source, std::string("not a decodable image (") + stbi_failure_reason() + ")");
    if (out.width <= 0 || out.height <= 0) fail(source, "image has no pixels");
    if (out.width > limits.max_side || out.height > limits.max_side ||
        static_cast<std::uint64_t>(out.width) * static_cast<std::uint64_t>(out.height) >
            limits.max_pixels)
        fail(source, "image " + std::to_string(out.width) + "x" + std::to_string(out.height) +
                         " exceeds the size limit (" + std::to_string(limits.max_side) +
                         " per side, " + std::to_string(limits.max_pixels) + " pixels)");
    out.has_alpha = channels == 2 || channels == 4;
    int width = 0, height = 0;
    out.pixels.reset(stbi_load_from_memory(data, length, &width, &height, &channels,
                                           channels_for(out.has_alpha)));
    if (!out.pixels)
        fail(source, std::string("corrupt image data (") + stbi_failure_reason() + ")");
    if (width != out.width || height != out.height)
        fail(source, "decoded size differs from the header");
    return out;
}

std::span<const std::byte> as_byte_span(const std::string& bytes) {
    return std::as_bytes(std::span(bytes.data(), bytes.size()));
}

template <typename Image> Image image_of(const Decoded& decoded, std::size_t values) {
    Image image;
    image.width = decoded.width;
    image.height = decoded.height;
    image.pixels.assign(decoded.pixels.get(), decoded.pixels.get() + values);
    return image;
}

std::size_t pixel_count(const Decoded& decoded) {
    return static_cast<std::size_t>(decoded.width) * static_cast<std::size_t>(decoded.height);
}

} // namespace

RgbImage decode_image_bytes(std::span<const std::byte> bytes, DecodeLimits limits,
                            const char* source) {
    // stb converts to three channels itself: gray replicated, palettes expanded, alpha (and
    // tRNS transparency) dropped with the colour values kept — what PIL's convert("RGB")
    // gives CLIPImageProcessor, so our embeddings of transparent images match the reference.
    const Decoded decoded = decode_checked(bytes, limits, source, [](bool) { return 3; });
    return image_of<RgbImage>(decoded, pixel_count(decoded) * 3);
}

GrayImage decode_gray_image_bytes(std::span<const std::byte> bytes, DecodeLimits limits,
                                  const char* source) {
    // The digit canvas pipeline reads ink on paper: transparent means paper, so alpha is
    // composited over white before stb's luma.
    const Decoded decoded =
        decode_checked(bytes, limits, source, [](bool alpha) { return alpha ? 2 : 1; });
    if (!decoded.has_alpha) return image_of<GrayImage>(decoded, pixel_count(decoded));
    GrayImage image;
    image.width = decoded.width;
    image.height = decoded.height;
    image.pixels.resize(pixel_count(decoded));
    const stbi_uc* in = decoded.pixels.get();
    for (std::size_t px = 0; px < image.pixels.size(); ++px)
        image.pixels[px] = over_white(in[px * 2], in[px * 2 + 1]);
    return image;
}

GrayImage decode_gray_image_file(const std::filesystem::path& path, DecodeLimits limits) {
    const std::string bytes = read_file_bytes(path, limits.max_file_bytes);
    return decode_gray_image_bytes(as_byte_span(bytes), limits, path.c_str());
}

RgbImage decode_image_file(const std::filesystem::path& path, DecodeLimits limits) {
    const std::string bytes = read_file_bytes(path, limits.max_file_bytes);
    return decode_image_bytes(as_byte_span(bytes), limits, path.c_str());
}

} // namespace liveml::imaging
