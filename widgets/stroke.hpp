#pragma once
#include <QList>
#include <QPointF>

namespace liveml::widgets {

// One sampled point of a pen, mouse or finger. Positions are stored in unit coordinates
// (0..1 across the canvas) so a drawing survives resizes and renders identically at any
// resolution, on screen and for the model.
struct StrokePoint {
    QPointF pos;
    qreal pressure = 1.0; // 0..1; mouse and touch report 1
};

using Stroke = QList<StrokePoint>;
using Drawing = QList<Stroke>;

} // namespace liveml::widgets
