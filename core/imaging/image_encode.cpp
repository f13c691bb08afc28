#include "imaging/image_encode.hpp"

#include <stdexcept>

#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STB_IMAGE_WRITE_STATIC
#define STBI_WRITE_NO_STDIO
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wunused-function"
#endif
#include <stb_image_write.h>
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

namespace liveml::imaging {
namespace {

void check(const RgbImage& image) {
    if (image.width <= 0 || image.height <= 0 ||
        image.pixels.size() != static_cast<std::size_t>(image.width) * image.height * 3)
        throw std::invalid_argument("cannot encode an empty or inconsistent image");
}

void append(void* context, void* data, int size) {
    static_cast<std::string*>(context)->append(static_cast<const char*>(data),
                                               static_cast<std::size_t>(size));
}

} // namespace

std::string encode_jpeg(const RgbImage& image, int quality) {
    check(image);
    if (quality < 1 || quality > 100)
        throw std::invalid_argument("JPEG quality must be 1..100, not " + std::to_string(quality));
    std::string out;
    if (!stbi_write_jpg_to_func(append, &out, image.width, image.height, 3, image.pixels.data(),
                                quality))
        throw std::runtime_error("JPEG encoding failed");
    return out;
}

std::string encode_png(const RgbImage& image) {
    check(image);
    std::string out;
    if (!stbi_write_png_to_func(append, &out, image.width, image.height, 3, image.pixels.data(),
                                image.width * 3))
        throw std::runtime_error("PNG encoding failed");
    return out;
}

} // namespace liveml::imaging
