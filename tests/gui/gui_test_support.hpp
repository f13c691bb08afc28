#pragma once
#include <QImage>
#include <QString>

#include "loaded_model.hpp"
#include "stroke.hpp"

class QWidget;

namespace liveml::widgets {
class DrawingCanvas;
}

namespace liveml::guitest {

// Draws with simulated mouse strokes (press, moves, release) across the canvas's
// drawing square, the way a user would.
void drawWithMouse(widgets::DrawingCanvas& canvas, const widgets::Drawing& drawing);

// True when the grayscale image has any pixel darker than paper white.
bool hasInk(const QImage& image);

// Pixels whose colour differs from the top-left pixel's: 0 for a blank (one-colour) image,
// so a rendering check cannot pass on an empty picture of the right size.
int pixelsUnlikeTheCorner(const QImage& image);

// The default model, trained once per test process (the same training the studio runs).
const widgets::LoadedModel& defaultModel();

// Writes bytes that are not a model file (a damaged header) and returns the path.
QString writeCorruptModel(const QString& dir);

} // namespace liveml::guitest
