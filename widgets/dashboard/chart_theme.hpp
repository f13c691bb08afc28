#pragma once
#include <QColor>

#include <string_view>

class QCustomPlot;
class QWidget;

namespace liveml::dashboard {

// Colours a plot's background, axes, grid and legend from the widget's palette and font, so
// light, dark and HiDPI themes look right. Call again on QEvent::PaletteChange / FontChange.
void applyChartTheme(QCustomPlot& plot, const QWidget& owner);

// A QCustomPlot filling `owner` edge to edge, with an empty title element in a row above the
// axis rect (the bar and heat-map charts set its text).
QCustomPlot* createTitledPlot(QWidget* owner);

// The i-th colour of the dashboard's series palette (distinct on light and dark backgrounds).
QColor seriesColor(int index);

// A learner's colour, the same on every chart, marker and leaderboard row: known learner kinds
// (core/online's registry order) get distinct palette colours. `run` may carry a run suffix
// (" #2"), which is ignored.
QColor learnerColor(std::string_view run);

} // namespace liveml::dashboard
