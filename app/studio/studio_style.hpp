#pragma once
#include <QIcon>
#include <QString>

class QApplication;
class QColor;

namespace liveml::studio {

// The studio's look: Fusion with a dark palette (a chalkboard canvas with light ink) or a light
// one, and a few style-sheet touches for the navigation list. Widgets follow the palette:
// charts and the canvas re-theme on QEvent::PaletteChange, so a switch applies at once.
enum class Theme { Dark, Light };

void applyStudioStyle(QApplication& app, Theme theme);

// "dark" / "light"; nullopt-like: returns false for any other name.
bool parseTheme(const QString& name, Theme& theme);
QString themeName(Theme theme);
// The theme chosen in View → Theme last time (dark when never chosen).
Theme savedTheme();
void saveTheme(Theme theme);

// One of our icons (resources/icons: strokes drawn light, for the dark theme) in `color`, as
// 1x and 2x pixmaps, so the pencil and the undo arrows stay visible on a light window.
QIcon tintedIcon(const QString& resource, const QColor& color);

} // namespace liveml::studio
