#pragma once
// Writes RGB images as JPEG or PNG bytes (stb_image_write): the thumbnails ingest puts into
// the output bucket, and the test images of the ingest tests.
#include <string>

#include "imaging/rgb_image.hpp"

namespace liveml::imaging {

// quality 1..100 (stb's baseline JPEG encoder). Throws std::invalid_argument for an empty
// image or a quality out of range.
std::string encode_jpeg(const RgbImage& image, int quality = 85);
std::string encode_png(const RgbImage& image);

} // namespace liveml::imaging
