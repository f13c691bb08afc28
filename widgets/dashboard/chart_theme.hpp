#pragma once
#include <QColor>
#include <QSize>

#include <string_view>

class QCustomPlot;
class QWidget;

namespace liveml::dashboard {

// Colours a plot's background, axes, grid, titles and legend from the widget's palette and font, so
// light, dark and HiDPI themes look right. Call again on QEvent::PaletteChange / FontChange.
void applyChartTheme(QCustomPlot& plot, const QWidget& owner);

// Below this a plot has nothing to show, and at zero width or height QCustomPlot's resize
// replot fails on an empty paint buffer (a "QPainter::begin" warning per chart when a page is
// first laid out).
inline constexpr QSize kMinPlotSize{60, 40};
void keepDrawable(QCustomPlot& plot);

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
