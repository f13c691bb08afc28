#include "dashboard/confusion_matrix_chart.hpp"

#include <QToolTip>
#include <qcustomplot.h>

#include <cmath>
#include <numeric>

#include "dashboard/chart_theme.hpp"

namespace liveml::dashboard {

ConfusionMatrixChart::ConfusionMatrixChart(QWidget* parent)
    : QWidget(parent), plot_(createTitledPlot(this)) {

    map_ = new QCPColorMap(plot_->xAxis, plot_->yAxis);
    map_->data()->setSize(10, 10);
    map_->data()->setRange(QCPRange(0, 9), QCPRange(0, 9));
    map_->setInterpolate(false);
    map_->setGradient(QCPColorGradient(QCPColorGradient::gpThermal));
    auto* scale = new QCPColorScale(plot_);
    plot_->plotLayout()->addElement(1, 1, scale);
    map_->setColorScale(scale);

    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (int label = 0; label < 10; ++label)
        ticker->addTick(label, QString::number(label));
    for (QCPAxis* axis : {plot_->xAxis, plot_->yAxis}) {
        axis->setTicker(ticker);
        axis->setRange(-0.5, 9.5);
        axis->grid()->setVisible(false);
    }
    plot_->yAxis->setRangeReversed(true); // actual 0 on top, as matrices are read
    connect(plot_, &QCustomPlot::mouseMove, this, &ConfusionMatrixChart::onMouseMove);
    applyChartTheme(*plot_, *this);
    retranslate();
    redraw();
}

void ConfusionMatrixChart::setTitle(const QString& title) {
    static_cast<QCPTextElement*>(plot_->plotLayout()->element(0, 0))->setText(title);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void ConfusionMatrixChart::setCounts(const Matrix& counts) {
    if (counts == counts_) return;
    counts_ = counts;
    redraw();
}

void ConfusionMatrixChart::setRowNormalized(bool on) {
    if (on == normalized_) return;
    normalized_ = on;
    redraw();
}

double ConfusionMatrixChart::rowRate(int actual, int predicted) const {
    const auto& row = counts_.at(std::size_t(actual));
    const auto total = std::accumulate(row.begin(), row.end(), std::uint64_t(0));
    return total ? double(row.at(std::size_t(predicted))) / double(total) : 0.0;
}

double ConfusionMatrixChart::cellValue(int actual, int predicted) const {
    return normalized_ ? rowRate(actual, predicted)
                       : double(counts_.at(std::size_t(actual)).at(std::size_t(predicted)));
}

QString ConfusionMatrixChart::readout(int actual, int predicted) const {
    if (actual < 0 || actual > 9 || predicted < 0 || predicted > 9) return {};
    return tr("actual %1, predicted %2: %3 records (%4 % of actual %1)")
        .arg(actual)
        .arg(predicted)
        .arg(counts_[std::size_t(actual)][std::size_t(predicted)])
        .arg(100 * rowRate(actual, predicted), 0, 'f', 1);
}

void ConfusionMatrixChart::redraw() {
    double top = 0;
    for (int a = 0; a < 10; ++a)
        for (int p = 0; p < 10; ++p) {
            const double v = cellValue(a, p);
            map_->data()->setCell(p, a, v);
            top = std::max(top, v);
        }
    map_->setDataRange(QCPRange(0, normalized_ ? 1.0 : std::max(top, 1.0)));
    map_->colorScale()->axis()->setLabel(normalized_ ? tr("share of row") : tr("records"));
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void ConfusionMatrixChart::onMouseMove(QMouseEvent* event) {
    const QPointF pos = event->position();
    if (!plot_->axisRect()->rect().contains(pos.toPoint())) return QToolTip::hideText();
    const int predicted = int(std::lround(plot_->xAxis->pixelToCoord(pos.x())));
    const int actual = int(std::lround(plot_->yAxis->pixelToCoord(pos.y())));
    const QString text = readout(actual, predicted);
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), text, plot_);
}

void ConfusionMatrixChart::retranslate() {
    plot_->xAxis->setLabel(tr("predicted"));
    plot_->yAxis->setLabel(tr("actual"));
    redraw();
}

void ConfusionMatrixChart::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        applyChartTheme(*plot_, *this);
    else if (event->type() == QEvent::LanguageChange)
        retranslate();
}

} // namespace liveml::dashboard
