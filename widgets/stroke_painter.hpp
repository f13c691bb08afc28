#pragma once
#include <QColor>
#include <QImage>

#include "stroke.hpp"

class QPainter;

namespace liveml::widgets {

// Pen width as a fraction of the canvas side: thick enough to read as a marker stroke
// at any window size, thin enough that a '0' keeps its hole.
inline constexpr qreal kPenWidthFraction = 0.045;

qreal penWidth(qreal canvasSide, qreal pressure);

// A stroke is a chain of segments joined by quadratic curves through the midpoints of its
// points, which smooths raw mouse samples without lagging behind the pointer. Segment
// k < settledSegments(stroke) never changes once later points arrive; the tail from the last
// midpoint to the last point does.
qsizetype settledSegments(const Stroke& stroke);

// Segment by segment, so a growing stroke can be drawn incrementally (StrokeRasterizer);
// the model's image is always made this way.
void paintSettledSegment(QPainter& painter, const Stroke& stroke, qsizetype k, qreal canvasSide,
                         const QColor& ink);
void paintTail(QPainter& painter, const Stroke& stroke, qreal canvasSide, const QColor& ink);
void paintStrokeSegments(QPainter& painter, const Stroke& stroke, qreal canvasSide,
                         const QColor& ink);

// For the screen: runs of equal width as one path, so antialiased edges show no seams.
// Strokes go into a square area of side canvasSide at the painter's origin.
void paintStroke(QPainter& painter, const Stroke& stroke, qreal canvasSide, const QColor& ink);
void paintDrawing(QPainter& painter, const Drawing& drawing, qreal canvasSide, const QColor& ink);

// Black ink on white, 8-bit grayscale, side×side: the image the model's features come from.
QImage renderGrayImage(const Drawing& drawing, int side);

} // namespace liveml::widgets
