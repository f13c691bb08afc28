#pragma once
// Decoded images into embeddings (ingest, its bench): the model's input for each image, then
// the encoder's forward passes. Torch-free header.
#include <cstddef>
#include <span>

#include "clip/clip_encoder.hpp"
#include "imaging/rgb_image.hpp"
#include "retrieval/matrix.hpp"

namespace liveml::clip {

// One L2-normalised row per image, in order; `batch` images per forward pass.
retrieval::Matrix encode_rgb_images(const ClipEncoder& encoder,
                                    std::span<const imaging::RgbImage> images, std::size_t batch);

} // namespace liveml::clip
