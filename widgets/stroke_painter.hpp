#pragma once
#include <QColor>
#include <QImage>
#include <QSizeF>

#include "stroke.hpp"

class QPainter;

namespace liveml::widgets {

// Pen width as a fraction of the canvas side: thick enough to read as a marker stroke
// at any window size, thin enough that a '0' keeps its hole.
inline constexpr qreal kPenWidthFraction = 0.045;

qreal penWidth(qreal canvasSide, qreal pressure);

// Paints strokes into a square area of side canvasSide starting at the painter's origin.
// Points are joined by quadratic curves through their midpoints, which removes the
// jaggedness of raw mouse samples without lagging behind the pointer.
void paintStroke(QPainter& painter, const Stroke& stroke, qreal canvasSide, const QColor& ink);
void paintDrawing(QPainter& painter, const Drawing& drawing, qreal canvasSide, const QColor& ink);

// Black ink on white, 8-bit grayscale, side×side: the image the model's features come from.
QImage renderGrayImage(const Drawing& drawing, int side);

} // namespace liveml::widgets
