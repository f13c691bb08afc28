#pragma once
#include <QImage>

#include "stroke.hpp"

namespace liveml::widgets {

// Keeps the grayscale image of a drawing up to date while a stroke grows, drawing only what
// each new point adds: finished strokes and the settled part of the active stroke live in
// a base image; a published image is that base plus the active stroke's short tail. The
// result equals renderGrayImage() of the same drawing, at a cost that does not grow with
// the length of the stroke.
class StrokeRasterizer {
  public:
    explicit StrokeRasterizer(int side);

    int side() const { return base_.width(); }

    // Starts over from finished strokes (after undo, redo, clear, or a finished stroke).
    void reset(const Drawing& committed);
    // The active stroke gained a point (the first point starts it).
    void addPoint(const StrokePoint& point);
    // The active stroke was dropped without being committed.
    void cancelStroke();

    // Black ink on white, side×side, 8-bit grayscale.
    QImage image() const;

  private:
    QImage base_;
    Drawing committed_;
    Stroke active_;
    qsizetype settled_ = 0; // segments of active_ already in base_
};

} // namespace liveml::widgets
