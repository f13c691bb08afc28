#include "clip/image_batch.hpp"

#include <vector>

#include "clip/image_input.hpp"

namespace liveml::clip {

retrieval::Matrix encode_rgb_images(const ClipEncoder& encoder,
                                    std::span<const imaging::RgbImage> images, std::size_t batch) {
    const auto per_image = image_input_floats(encoder.config());
    std::vector<float> pixels(images.size() * per_image);
    for (std::size_t i = 0; i < images.size(); ++i)
        rgb_image_input(images[i], encoder.config(), {pixels.data() + i * per_image, per_image});
    return encoder.encode_pixels(pixels, images.size(), batch);
}

} // namespace liveml::clip
