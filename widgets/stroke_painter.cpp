#include "stroke_painter.hpp"

#include <QPainter>
#include <QPainterPath>
#include <QPen>

#include <algorithm>

namespace liveml::widgets {

namespace {

QPointF at(const Stroke& stroke, qsizetype i, qreal side) {
    return stroke[i].pos * side;
}

QPointF midpoint(QPointF a, QPointF b) {
    return (a + b) / 2.0;
}

void strokePath(QPainter& painter, const QPainterPath& path, qreal width, const QColor& ink) {
    painter.strokePath(path, QPen(ink, width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
}

} // namespace

qreal penWidth(qreal canvasSide, qreal pressure) {
    // Pressure modulates around the mouse width so a light pen touch still leaves a stroke.
    const qreal p = std::clamp(pressure, 0.0, 1.0);
    return canvasSide * kPenWidthFraction * (0.4 + 0.6 * p);
}

qsizetype settledSegments(const Stroke& stroke) {
    return std::max<qsizetype>(0, stroke.size() - 1);
}

void paintSettledSegment(QPainter& painter, const Stroke& stroke, qsizetype k, qreal side,
                         const QColor& ink) {
    // Segment 0 runs from the first point to the first midpoint; segment k > 0 is the curve
    // from midpoint k-1 to midpoint k bent towards point k.
    QPainterPath path;
    if (k == 0) {
        path.moveTo(at(stroke, 0, side));
        path.lineTo(midpoint(at(stroke, 0, side), at(stroke, 1, side)));
    } else {
        path.moveTo(midpoint(at(stroke, k - 1, side), at(stroke, k, side)));
        path.quadTo(at(stroke, k, side), midpoint(at(stroke, k, side), at(stroke, k + 1, side)));
    }
    strokePath(painter, path, penWidth(side, stroke[k].pressure), ink);
}

void paintTail(QPainter& painter, const Stroke& stroke, qreal side, const QColor& ink) {
    if (stroke.isEmpty()) return;
    const StrokePoint& last = stroke.back();
    if (stroke.size() == 1) { // a dot
        const qreal d = penWidth(side, last.pressure);
        painter.setPen(Qt::NoPen);
        painter.setBrush(ink);
        painter.drawEllipse(last.pos * side, d / 2, d / 2);
        return;
    }
    const qsizetype n = stroke.size();
    QPainterPath path(midpoint(at(stroke, n - 2, side), at(stroke, n - 1, side)));
    path.lineTo(at(stroke, n - 1, side));
    strokePath(painter, path, penWidth(side, last.pressure), ink);
}

void paintStroke(QPainter& painter, const Stroke& stroke, qreal canvasSide, const QColor& ink) {
    for (qsizetype k = 0; k < settledSegments(stroke); ++k)
        paintSettledSegment(painter, stroke, k, canvasSide, ink);
    paintTail(painter, stroke, canvasSide, ink);
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
