#include "gray_image_conversion.hpp"

#include <QPainter>

#include <cstring>

namespace liveml::widgets {

digits::GrayImage toGrayImage(const QImage& image) {
    QImage gray;
    if (image.format() == QImage::Format_Grayscale8) {
        gray = image;
    } else {
        QImage flattened(image.size(), QImage::Format_RGB32);
        flattened.fill(Qt::white);
        QPainter(&flattened).drawImage(0, 0, image);
        gray = flattened.convertToFormat(QImage::Format_Grayscale8);
    }
    digits::GrayImage out;
    out.width = gray.width();
    out.height = gray.height();
    out.pixels.resize(static_cast<std::size_t>(out.width) * out.height);
    // Scan lines are padded to 32 bits, so copy row by row.
    for (int y = 0; y < out.height; ++y)
        std::memcpy(out.pixels.data() + static_cast<std::size_t>(y) * out.width,
                    gray.constScanLine(y), static_cast<std::size_t>(out.width));
    return out;
}

} // namespace liveml::widgets
