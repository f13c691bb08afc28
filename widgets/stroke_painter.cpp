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

namespace {

// Where segment k starts: the first point for k = 0, else midpoint k-1.
QPointF segmentStart(const Stroke& stroke, qsizetype k, qreal side) {
    return k == 0 ? at(stroke, 0, side) : midpoint(at(stroke, k - 1, side), at(stroke, k, side));
}

// Continues path (standing at segmentStart(k)) along segment k: a line to the first midpoint
// for k = 0, else the curve to midpoint k bent towards point k.
void appendSegment(QPainterPath& path, const Stroke& stroke, qsizetype k, qreal side) {
    const QPointF end = midpoint(at(stroke, k, side), at(stroke, k + 1, side));
    if (k == 0)
        path.lineTo(end);
    else
        path.quadTo(at(stroke, k, side), end);
}

void paintDot(QPainter& painter, const StrokePoint& point, qreal side, const QColor& ink) {
    const qreal d = penWidth(side, point.pressure);
    painter.setPen(Qt::NoPen);
    painter.setBrush(ink);
    painter.drawEllipse(point.pos * side, d / 2, d / 2);
}

} // namespace

void paintSettledSegment(QPainter& painter, const Stroke& stroke, qsizetype k, qreal side,
                         const QColor& ink) {
    QPainterPath path(segmentStart(stroke, k, side));
    appendSegment(path, stroke, k, side);
    strokePath(painter, path, penWidth(side, stroke[k].pressure), ink);
}

void paintTail(QPainter& painter, const Stroke& stroke, qreal side, const QColor& ink) {
    if (stroke.isEmpty()) return;
    if (stroke.size() == 1) return paintDot(painter, stroke.front(), side, ink);
    QPainterPath path(segmentStart(stroke, stroke.size() - 1, side));
    path.lineTo(at(stroke, stroke.size() - 1, side));
    strokePath(painter, path, penWidth(side, stroke.back().pressure), ink);
}

void paintStrokeSegments(QPainter& painter, const Stroke& stroke, qreal side, const QColor& ink) {
    for (qsizetype k = 0; k < settledSegments(stroke); ++k)
        paintSettledSegment(painter, stroke, k, side, ink);
    paintTail(painter, stroke, side, ink);
}

void paintStroke(QPainter& painter, const Stroke& stroke, qreal side, const QColor& ink) {
    if (stroke.isEmpty()) return;
    if (stroke.size() == 1) return paintDot(painter, stroke.front(), side, ink);
    // A change of width (pen pressure) starts a new path; the pieces overlap at round caps.
    QPainterPath path(segmentStart(stroke, 0, side));
    qreal width = penWidth(side, stroke[0].pressure);
    for (qsizetype k = 0; k < settledSegments(stroke); ++k) {
        const qreal w = penWidth(side, stroke[k].pressure);
        if (qAbs(w - width) > 0.25) {
            strokePath(painter, path, width, ink);
            path = QPainterPath(path.currentPosition());
            width = w;
        }
        appendSegment(path, stroke, k, side);
    }
    path.lineTo(at(stroke, stroke.size() - 1, side));
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
    for (const Stroke& stroke : drawing)
        paintStrokeSegments(painter, stroke, side, Qt::black);
    return image;
}

} // namespace liveml::widgets
