#include "stroke_rasterizer.hpp"

#include <QPainter>

#include "stroke_painter.hpp"

namespace liveml::widgets {

StrokeRasterizer::StrokeRasterizer(int side) : base_(renderGrayImage({}, side)) {}

void StrokeRasterizer::reset(const Drawing& committed) {
    committed_ = committed;
    active_.clear();
    settled_ = 0;
    base_ = renderGrayImage(committed_, side());
}

void StrokeRasterizer::addPoint(const StrokePoint& point) {
    active_.append(point);
    const qsizetype settled = settledSegments(active_);
    if (settled == settled_) return;
    QPainter painter(&base_);
    painter.setRenderHint(QPainter::Antialiasing);
    for (; settled_ < settled; ++settled_)
        paintSettledSegment(painter, active_, settled_, side(), Qt::black);
}

void StrokeRasterizer::cancelStroke() {
    if (settled_ > 0) base_ = renderGrayImage(committed_, side());
    active_.clear();
    settled_ = 0;
}

QImage StrokeRasterizer::image() const {
    if (active_.isEmpty()) return base_;
    QImage image = base_.copy();
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    paintTail(painter, active_, side(), Qt::black);
    return image;
}

} // namespace liveml::widgets
