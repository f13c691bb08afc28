#include "experiments/named_bar_chart.hpp"

#include <qcustomplot.h>

#include <algorithm>

#include "dashboard/chart_theme.hpp"

namespace liveml::experiments {

NamedBarChart::NamedBarChart(QWidget* parent)
    : QWidget(parent), plot_(dashboard::createTitledPlot(this)) {
    // Classes on the y axis (names stay readable however many there are), values on x.
    bars_ = new QCPBars(plot_->yAxis, plot_->xAxis);
    best_ = new QCPBars(plot_->yAxis, plot_->xAxis);
    for (QCPBars* bars : {bars_, best_}) {
        bars->setWidth(0.7);
        bars->setPen(Qt::NoPen);
    }
    bars_->setBrush(dashboard::seriesColor(0));
    best_->setBrush(dashboard::seriesColor(1));
    plot_->xAxis->setRange(0, 1.12);
    plot_->yAxis->setRangeReversed(true);
    // Class 0 sits on the value axis's zero line: without this a line runs through its bar.
    plot_->yAxis->grid()->setZeroLinePen(Qt::NoPen);
    plot_->yAxis->grid()->setVisible(false);
    dashboard::applyChartTheme(*plot_, *this);
}

void NamedBarChart::setTitle(const QString& title) {
    static_cast<QCPTextElement*>(plot_->plotLayout()->element(0, 0))->setText(title);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void NamedBarChart::setValueLabel(const QString& label) {
    plot_->xAxis->setLabel(label);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void NamedBarChart::setValues(const QStringList& names, const QVector<double>& values) {
    names_ = names;
    values_ = values;
    values_.resize(names_.size());
    redraw();
    updateGeometry();
}

void NamedBarChart::redraw() {
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    QVector<double> keys, plain, top;
    const auto best = std::max_element(values_.begin(), values_.end());
    plot_->clearItems();
    for (int i = 0; i < names_.size(); ++i) {
        ticker->addTick(i, names_[i]);
        const bool isBest = values_.begin() + i == best;
        keys.append(i);
        plain.append(isBest ? 0 : values_[i]);
        top.append(isBest ? values_[i] : 0);
        auto* label = new QCPItemText(plot_);
        label->setClipToAxisRect(true);
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        label->position->setCoords(values_[i] + 0.01, i);
        label->position->setAxes(plot_->xAxis, plot_->yAxis);
        label->setColor(palette().color(QPalette::WindowText));
        label->setFont(font());
        label->setText(QString::number(values_[i], 'f', 3));
    }
    plot_->yAxis->setTicker(ticker);
    plot_->yAxis->setRange(-0.6, std::max<double>(names_.size(), 1) - 0.4);
    bars_->setData(keys, plain, true);
    best_->setData(keys, top, true);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void NamedBarChart::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        dashboard::applyChartTheme(*plot_, *this);
        redraw();
    }
}

} // namespace liveml::experiments
