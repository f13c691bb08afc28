#pragma once

class QApplication;

namespace liveml::studio {

// The studio's look: Fusion with a dark palette (a chalkboard canvas with light ink) and a
// few style-sheet touches for the navigation list.
void applyStudioStyle(QApplication& app);

} // namespace liveml::studio
