#include "dashboard/chart_theme.hpp"

#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <array>
#include <functional>

#include "online/learner_registry.hpp"

namespace liveml::dashboard {

void keepDrawable(QCustomPlot& plot) {
    plot.setMinimumSize(kMinPlotSize);
}

QCustomPlot* createTitledPlot(QWidget* owner) {
    auto* plot = new QCustomPlot(owner);
    keepDrawable(*plot);
    auto* layout = new QVBoxLayout(owner);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(plot);
    plot->plotLayout()->insertRow(0);
    plot->plotLayout()->addElement(0, 0, new QCPTextElement(plot, QString()));
    return plot;
}

void applyChartTheme(QCustomPlot& plot, const QWidget& owner) {
    const QPalette& pal = owner.palette();
    const QColor text = pal.color(QPalette::WindowText);
    const QColor grid = pal.color(QPalette::Mid);
    plot.setBackground(pal.brush(QPalette::Window));
    plot.axisRect()->setBackground(pal.brush(QPalette::Window));
    for (QCPAxis* axis : plot.axisRect()->axes()) {
        axis->setBasePen(QPen(grid));
        axis->setTickPen(QPen(grid));
        axis->setSubTickPen(QPen(grid));
        axis->setTickLabelColor(text);
        axis->setLabelColor(text);
        axis->grid()->setPen(QPen(grid, 0, Qt::DotLine));
        axis->setTickLabelFont(owner.font());
        axis->setLabelFont(owner.font());
    }
    // Titles (createTitledPlot's first row) in the text colour, or they vanish on dark.
    for (int i = 0; i < plot.plotLayout()->elementCount(); ++i)
        if (auto* title = qobject_cast<QCPTextElement*>(plot.plotLayout()->elementAt(i)))
            title->setTextColor(text);
    // The legend sits in a row of its own above the plot: no box needed.
    plot.legend->setBrush(Qt::NoBrush);
    plot.legend->setBorderPen(Qt::NoPen);
    plot.legend->setTextColor(text);
    plot.legend->setFont(owner.font());
}

QColor seriesColor(int index) {
    // Tableau-like hues: readable on white and on near-black.
    static constexpr std::array<QRgb, 10> colors = {0x4e79a7, 0xf28e2b, 0x59a14f, 0xe15759,
                                                    0x76b7b2, 0xedc948, 0xb07aa1, 0xff9da7,
                                                    0x9c755f, 0xbab0ac};
    return QColor::fromRgb(colors[static_cast<std::size_t>(index) % colors.size()]);
}

QColor learnerColor(std::string_view run) {
    const std::string_view kind = run.substr(0, run.find(" #"));
    const auto& names = online::learner_names();
    const auto it = std::find(names.begin(), names.end(), kind);
    if (it != names.end()) return seriesColor(int(it - names.begin()));
    // An unknown (newer) learner: one of the colours the known ones leave free.
    return seriesColor(int(names.size() + std::hash<std::string_view>{}(kind) % 3));
}

} // namespace liveml::dashboard
