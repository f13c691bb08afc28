#include "digits/gray_image.hpp"

#include "common/file_bytes.hpp"

#include <climits>
#include <memory>
#include <stdexcept>
#include <string>

// The only translation unit that compiles stb_image. Formats we never need stay out, and
// stb's own dimension guard is tightened to ours as a second line of defence. Static, so
// another library bundling stb cannot clash with it at link time.
#define STB_IMAGE_IMPLEMENTATION
#define STB_IMAGE_STATIC
#define STBI_NO_STDIO
#define STBI_NO_HDR
#define STBI_NO_LINEAR
#define STBI_NO_PSD
#define STBI_NO_PIC
#define STBI_MAX_DIMENSIONS liveml::digits::kMaxImageSide
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wsign-compare"
#endif
#include "stb_image.h"
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

namespace liveml::digits {
namespace {

[[noreturn]] void fail(const std::filesystem::path& path, const std::string& why) {
    throw std::runtime_error(path.string() + ": " + why);
}

struct StbFree {
    void operator()(stbi_uc* p) const { stbi_image_free(p); }
};

} // namespace

GrayImage load_gray_image(const std::filesystem::path& path) {
    const auto bytes = liveml::read_file_bytes(path, kMaxImageFileBytes);
    if (bytes.empty()) fail(path, "empty file");
    if (bytes.size() > static_cast<std::size_t>(INT_MAX)) fail(path, "file too large");
    const auto* data = reinterpret_cast<const stbi_uc*>(bytes.data());
    const int len = static_cast<int>(bytes.size());

    // Check the header's claimed size before decoding allocates anything.
    int w = 0, h = 0, channels = 0;
    if (!stbi_info_from_memory(data, len, &w, &h, &channels))
        fail(path, std::string("not a readable image (") + stbi_failure_reason() + ")");
    if (w <= 0 || h <= 0) fail(path, "image has zero width or height");
    if (w > kMaxImageSide || h > kMaxImageSide || static_cast<long long>(w) * h > kMaxImagePixels)
        fail(path, "image is " + std::to_string(w) + "x" + std::to_string(h) + ", limit " +
                       std::to_string(kMaxImageSide) + " per side and " +
                       std::to_string(kMaxImagePixels) + " pixels");

    int dw = 0, dh = 0, dc = 0;
    std::unique_ptr<stbi_uc, StbFree> grey_alpha(
        stbi_load_from_memory(data, len, &dw, &dh, &dc, 2));
    if (!grey_alpha) fail(path, std::string("cannot decode image (") + stbi_failure_reason() + ")");
    if (dw != w || dh != h) fail(path, "decoded size differs from the header");

    GrayImage image;
    image.width = w;
    image.height = h;
    image.pixels.resize(static_cast<std::size_t>(w) * h);
    const stbi_uc* src = grey_alpha.get();
    for (auto& out : image.pixels) {
        // Transparent areas read as white paper: composite over white, rounding to nearest.
        const unsigned g = src[0], a = src[1];
        out = static_cast<std::uint8_t>((g * a + 255u * (255u - a) + 127u) / 255u);
        src += 2;
    }
    return image;
}

} // namespace liveml::digits
