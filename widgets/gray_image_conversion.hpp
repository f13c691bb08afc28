#pragma once
#include <QImage>

#include "digits/gray_image_loader.hpp"

namespace liveml::widgets {

// Any QImage as core's 8-bit grayscale raster (alpha composited onto white, like the CLI's
// decoder does, so both paths give the model the same picture).
digits::GrayImage toGrayImage(const QImage& image);

} // namespace liveml::widgets
