#pragma once
#include <QColor>

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

} // namespace liveml::dashboard
