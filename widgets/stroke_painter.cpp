#include "stroke_painter.hpp"

#include <QPainter>
#include <QPainterPath>
#include <QPen>

#include <algorithm>

namespace liveml::widgets {

namespace {

QPointF toCanvas(const StrokePoint& p, qreal side) {
    return p.pos * side;
}

QPointF midpoint(QPointF a, QPointF b) {
    return (a + b) / 2.0;
}

void strokePath(QPainter& painter, const QPainterPath& path, qreal width, const QColor& ink) {
    QPen pen(ink, width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    painter.strokePath(path, pen);
}

} // namespace

qreal penWidth(qreal canvasSide, qreal pressure) {
    // Pressure modulates around the mouse width so a light pen touch still leaves a stroke.
    const qreal p = std::clamp(pressure, 0.0, 1.0);
    return canvasSide * kPenWidthFraction * (0.4 + 0.6 * p);
}

void paintStroke(QPainter& painter, const Stroke& stroke, qreal canvasSide, const QColor& ink) {
    if (stroke.isEmpty()) return;
    if (stroke.size() == 1) {
        const qreal d = penWidth(canvasSide, stroke.front().pressure);
        painter.setPen(Qt::NoPen);
        painter.setBrush(ink);
        painter.drawEllipse(toCanvas(stroke.front(), canvasSide), d / 2, d / 2);
        return;
    }
    // Consecutive segments of equal width share one path so joins stay seamless; a width
    // change (pen pressure) starts a new path, overlapping at the round caps.
    QPainterPath path(toCanvas(stroke[0], canvasSide));
    qreal width = penWidth(canvasSide, stroke[0].pressure);
    QPointF from = toCanvas(stroke[0], canvasSide);
    path.lineTo(midpoint(from, toCanvas(stroke[1], canvasSide)));
    for (qsizetype i = 1; i + 1 < stroke.size(); ++i) {
        const QPointF control = toCanvas(stroke[i], canvasSide);
        const QPointF end = midpoint(control, toCanvas(stroke[i + 1], canvasSide));
        const qreal w = penWidth(canvasSide, stroke[i].pressure);
        if (qAbs(w - width) > 0.25) {
            strokePath(painter, path, width, ink);
            path = QPainterPath(path.currentPosition());
            width = w;
        }
        path.quadTo(control, end);
    }
    path.lineTo(toCanvas(stroke.back(), canvasSide));
    strokePath(painter, path, width, ink);
}

void paintDrawing(QPainter& painter, const Drawing& drawing, qreal canvasSide, const QColor& ink) {
    for (const Stroke& stroke : drawing)
        paintStroke(painter, stroke, canvasSide, ink);
}

QImage renderGrayImage(const Drawing& drawing, int side) {
    QImage image(side, side, QImage::Format_Grayscale8);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    paintDrawing(painter, drawing, side, Qt::black);
    return image;
}

} // namespace liveml::widgets
