#include "probability_chart.hpp"

#include <QVBoxLayout>

#include <qcustomplot.h>

#include <algorithm>

#include "dashboard/chart_theme.hpp"

namespace liveml::widgets {

namespace {
constexpr double kBarWidth = 0.7;
} // namespace

ProbabilityChart::ProbabilityChart(QWidget* parent)
    : QWidget(parent), plot_(new QCustomPlot(this)), bars_(new QCPBars(plot_->xAxis, plot_->yAxis)),
      winner_(new QCPBars(plot_->xAxis, plot_->yAxis)), winnerLabel_(new QCPItemText(plot_)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(plot_);
    dashboard::keepDrawable(*plot_);

    plot_->setNoAntialiasingOnDrag(true);
    plot_->yAxis->setRange(0.0, 1.0);
    plot_->yAxis->ticker()->setTickCount(5);
    plot_->yAxis->grid()->setSubGridVisible(false);
    plot_->xAxis->grid()->setVisible(false);
    plot_->xAxis->setTicks(true);
    plot_->xAxis->setSubTicks(false);
    plot_->xAxis->setTickLength(0, 3);
    plot_->legend->setVisible(false);
    bars_->setWidth(kBarWidth);
    winner_->setWidth(kBarWidth);
    winnerLabel_->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
    winnerLabel_->position->setType(QCPItemPosition::ptPlotCoords);
    winnerLabel_->setVisible(false);
    // The winner's label sits just above its bar, even a bar at 1.0: room above the axis.
    winnerLabel_->setClipToAxisRect(false);
    plot_->axisRect()->setMinimumMargins(QMargins(0, 22, 0, 0));

    setClasses({0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
    applyPalette();
    retranslate();
}

void ProbabilityChart::setClasses(const std::vector<int>& classes) {
    if (classes == classes_) return;
    classes_ = classes;
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (std::size_t i = 0; i < classes_.size(); ++i)
        ticker->addTick(double(i), QString::number(classes_[i]));
    plot_->xAxis->setTicker(ticker);
    plot_->xAxis->setRange(-0.6, double(classes_.size()) - 0.4);
}

void ProbabilityChart::setProbabilities(const std::vector<int>& classes,
                                        const std::vector<double>& probabilities) {
    if (classes.size() != probabilities.size() || classes.empty()) return clear();
    setClasses(classes);
    const auto best = std::max_element(probabilities.begin(), probabilities.end());
    const auto winner = static_cast<std::size_t>(best - probabilities.begin());

    QList<double> keys, others, top;
    values_.clear();
    for (std::size_t i = 0; i < probabilities.size(); ++i) {
        keys.append(double(i));
        values_.append(probabilities[i]);
        others.append(i == winner ? 0.0 : probabilities[i]);
        top.append(i == winner ? probabilities[i] : 0.0);
    }
    bars_->setData(keys, others, true);
    winner_->setData(keys, top, true);
    highlighted_ = classes[winner];

    winnerLabel_->position->setCoords(double(winner), *best + 0.02);
    winnerLabel_->setText(QLocale().toString(*best * 100.0, 'f', 1) + QStringLiteral(" %"));
    winnerLabel_->setVisible(true);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void ProbabilityChart::clear() {
    bars_->data()->clear();
    winner_->data()->clear();
    values_.fill(0.0, qsizetype(classes_.size()));
    highlighted_ = -1;
    winnerLabel_->setVisible(false);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

QList<double> ProbabilityChart::values() const {
    return values_.isEmpty() ? QList<double>(qsizetype(classes_.size()), 0.0) : values_;
}

void ProbabilityChart::applyPalette() {
    dashboard::applyChartTheme(*plot_, *this);
    const QPalette& pal = palette();
    QColor muted = pal.color(QPalette::Highlight);
    muted.setAlphaF(0.45);
    bars_->setPen(Qt::NoPen);
    bars_->setBrush(muted);
    const QColor accent = pal.color(QPalette::Link);
    winner_->setPen(Qt::NoPen);
    winner_->setBrush(accent);
    winnerLabel_->setColor(pal.color(QPalette::WindowText));
    QFont labelFont = font();
    labelFont.setBold(true);
    winnerLabel_->setFont(labelFont);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void ProbabilityChart::retranslate() {
    plot_->xAxis->setLabel(tr("Digit"));
    plot_->yAxis->setLabel(tr("Probability"));
    setAccessibleName(tr("Class probabilities"));
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void ProbabilityChart::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        applyPalette();
    else if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace liveml::widgets
