// Images reach the CLIP jobs and the digit canvas from user folders. Both decoders must refuse
// anything malformed with std::runtime_error; the small limits keep a hostile header from
// turning a run into an allocation test.
#include "imaging/image_decode.hpp"

#include <cstdint>
#include <cstdlib>
#include <stdexcept>

using namespace liveml::imaging;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::span<const std::byte> bytes(reinterpret_cast<const std::byte*>(data), size);
    const DecodeLimits limits{.max_file_bytes = 1 << 20, .max_side = 2048, .max_pixels = 1 << 20};
    try {
        const RgbImage rgb = decode_image_bytes(bytes, limits);
        if (rgb.width <= 0 || rgb.height <= 0 ||
            rgb.pixels.size() != static_cast<std::size_t>(rgb.width) * rgb.height * 3)
            std::abort();
    } catch (const std::runtime_error&) {
    }
    try {
        const GrayImage gray = decode_gray_image_bytes(bytes, limits);
        if (gray.width <= 0 || gray.height <= 0 ||
            gray.pixels.size() != static_cast<std::size_t>(gray.width) * gray.height)
            std::abort();
    } catch (const std::runtime_error&) {
    }
    return 0;
}
