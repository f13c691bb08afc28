#pragma once
#include <QPixmap>

class QImage;
class QListWidget;

namespace liveml::experiments {

// The grid of pictures with a caption below each that the search results and the ingest
// monitor show: icons of `size` pixels, laid out again when the view is resized.
QListWidget* newThumbnailGrid(int size);

// `image` fitted into size × size, aspect kept; tiny pictures (digits are 8×8) are scaled up
// without blurring their pixels. Null for a null image.
QPixmap thumbnailPixmap(const QImage& image, int size);

} // namespace liveml::experiments
