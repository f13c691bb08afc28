#include "experiments/thumbnail_grid.hpp"

#include <QImage>
#include <QListWidget>

namespace liveml::experiments {

QListWidget* newThumbnailGrid(int size) {
    auto* grid = new QListWidget;
    grid->setViewMode(QListView::IconMode);
    grid->setIconSize(QSize(size, size));
    grid->setResizeMode(QListView::Adjust);
    grid->setMovement(QListView::Static);
    grid->setWordWrap(true);
    grid->setGridSize(QSize(size + 40, size + 52));
    return grid;
}

QPixmap thumbnailPixmap(const QImage& image, int size) {
    if (image.isNull()) return {};
    const auto mode = image.width() < size / 2 ? Qt::FastTransformation : Qt::SmoothTransformation;
    return QPixmap::fromImage(image.scaled(size, size, Qt::KeepAspectRatio, mode));
}

} // namespace liveml::experiments
