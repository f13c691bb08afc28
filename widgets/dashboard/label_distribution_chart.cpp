#include "dashboard/label_distribution_chart.hpp"

#include <QToolTip>
#include <qcustomplot.h>

#include <cmath>
#include <numeric>

#include "dashboard/chart_theme.hpp"

namespace liveml::dashboard {

LabelDistributionChart::LabelDistributionChart(QWidget* parent)
    : QWidget(parent), plot_(createTitledPlot(this)) {

    bars_ = new QCPBars(plot_->xAxis, plot_->yAxis);
    bars_->setWidth(0.7);
    bars_->setPen(Qt::NoPen);
    bars_->setBrush(seriesColor(0));
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (int label = 0; label < 10; ++label)
        ticker->addTick(label, QString::number(label));
    plot_->xAxis->setTicker(ticker);
    plot_->xAxis->setRange(-0.6, 9.6);
    plot_->yAxis->setRange(0, 1);
    connect(plot_, &QCustomPlot::mouseMove, this, &LabelDistributionChart::onMouseMove);
    applyChartTheme(*plot_, *this);
    retranslate();
}

void LabelDistributionChart::setTitle(const QString& title) {
    static_cast<QCPTextElement*>(plot_->plotLayout()->element(0, 0))->setText(title);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void LabelDistributionChart::setCounts(const std::array<double, 10>& counts) {
    if (counts == counts_) return;
    counts_ = counts;
    QVector<double> keys, values;
    for (int label = 0; label < 10; ++label) {
        keys.append(label);
        values.append(counts[std::size_t(label)]);
    }
    bars_->setData(keys, values, true);
    const double top = *std::max_element(counts.begin(), counts.end());
    plot_->yAxis->setRange(0, top > 0 ? top * 1.1 : 1);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

QString LabelDistributionChart::readout(int label) const {
    if (label < 0 || label > 9) return {};
    const double total = std::accumulate(counts_.begin(), counts_.end(), 0.0);
    const double count = counts_[std::size_t(label)];
    return tr("label %1: %2 (%3 %)")
        .arg(label)
        .arg(count, 0, 'f', 0)
        .arg(total > 0 ? 100 * count / total : 0.0, 0, 'f', 1);
}

void LabelDistributionChart::onMouseMove(QMouseEvent* event) {
    if (!plot_->axisRect()->rect().contains(event->position().toPoint())) return;
    const int label = int(std::lround(plot_->xAxis->pixelToCoord(event->position().x())));
    const QString text = readout(label);
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), text, plot_);
}

void LabelDistributionChart::retranslate() {
    plot_->xAxis->setLabel(tr("label"));
    plot_->yAxis->setLabel(tr("records"));
}

void LabelDistributionChart::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        applyChartTheme(*plot_, *this);
    else if (event->type() == QEvent::LanguageChange)
        retranslate();
}

} // namespace liveml::dashboard
