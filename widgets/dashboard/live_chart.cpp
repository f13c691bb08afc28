#include "dashboard/live_chart.hpp"

#include <QDateTime>
#include <QFileDialog>
#include <QMenu>
#include <QSaveFile>
#include <QToolTip>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "dashboard/chart_theme.hpp"
#include "dashboard/csv_exporter.hpp"
#include "series/series_mirror.hpp"

namespace liveml::dashboard {

namespace {

QString trackName(const QString& label, const std::string& run) {
    return QStringLiteral("%1 · %2").arg(label, QString::fromStdString(run));
}

constexpr double kHoverRadiusPx = 30;
constexpr double kMinZeroBasedSpan = 1.0;
constexpr int kLegendSlackPx = 16; // the layout's own rounding; a label is never cut
constexpr int kXTicks = 4;         // at most, on a wide chart
constexpr int kSmoothPenWidth = 2; // the smoothed line where it is sparse enough to antialias

void setGraphData(QCPGraph& graph, const std::vector<series::PlotPoint>& points) {
    QVector<QCPGraphData> data;
    data.reserve(qsizetype(points.size()));
    for (const auto& p : points)
        data.append(QCPGraphData(p.x, p.y));
    graph.data()->set(data, true);
}

} // namespace

struct LiveChart::Track {
    series::SeriesKey key;
    QString label; // the metric's part of the name
    QString name;  // label · run
    std::shared_ptr<const series::SeriesBuffer> buffer;
    series::SeriesMirror mirror;
    QCPGraph* raw;
    QCPGraph* smooth;
    bool visible = true;
};

LiveChart::LiveChart(series::SeriesStore& store, QWidget* parent)
    : QWidget(parent), store_(store), plot_(new QCustomPlot(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(plot_);
    dashboard::keepDrawable(*plot_);

    plot_->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plot_->setNoAntialiasingOnDrag(true);
    plot_->setPlottingHint(QCP::phFastPolylines, true);
    plot_->plotLayout()->insertRow(0);
    title_ = new QCPTextElement(plot_, QString());
    plot_->plotLayout()->addElement(0, 0, title_);
    // The legend gets a row of its own between title and plot, entries side by side, so it
    // never hides a line (inside the axis rect it covered the newest data).
    plot_->legend->setVisible(true);
    plot_->axisRect()->insetLayout()->take(plot_->legend);
    plot_->axisRect()->insetLayout()->simplify();
    plot_->plotLayout()->insertRow(1);
    plot_->plotLayout()->addElement(1, 0, plot_->legend);
    plot_->plotLayout()->setRowStretchFactor(1, 0.001);
    plot_->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    plot_->legend->setMargins(QMargins(4, 0, 4, 0));
    plot_->legend->setRowSpacing(0);
    plot_->legend->setColumnSpacing(10);
    plot_->legend->setIconSize(QSize(18, 10)); // a short line sample leaves room for the text
    plot_->legend->setIconTextPadding(5);

    tracer_ = new QCPItemTracer(plot_);
    tracer_->setStyle(QCPItemTracer::tsCircle);
    tracer_->setSize(9);
    tracer_->setVisible(false);

    connect(plot_->xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this,
            &LiveChart::onUserRangeChange);
    connect(plot_->yAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this,
            &LiveChart::onUserRangeChange);
    connect(plot_, &QCustomPlot::mousePress, this, &LiveChart::onMousePress);
    connect(plot_, &QCustomPlot::mouseMove, this, &LiveChart::onMouseMove);
    connect(plot_, &QCustomPlot::mouseDoubleClick, this, [this] { resetView(); });
    connect(plot_, &QCustomPlot::legendClick, this, &LiveChart::onLegendClick);
    plot_->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(plot_, &QWidget::customContextMenuRequested, this, &LiveChart::showContextMenu);

    setAxisMode(series::AxisMode::Step);
    applyChartTheme(*plot_, *this);
}

LiveChart::~LiveChart() = default;

void LiveChart::setTitle(const QString& title) {
    title_->setText(title);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void LiveChart::setValueLabel(const QString& label) {
    plot_->yAxis->setLabel(label);
}

void LiveChart::setStepLabel(const QString& label) {
    stepLabel_ = label;
    if (mode_ == series::AxisMode::Step) plot_->xAxis->setLabel(stepAxisLabel());
}

QString LiveChart::stepAxisLabel() const {
    return stepLabel_.isEmpty() ? tr("samples seen") : stepLabel_;
}

void LiveChart::addMetric(const std::string& metric, const QString& label) {
    selectors_.push_back({metric, label, false});
    rescanStore();
}

void LiveChart::setMetricLabel(const std::string& metric, const QString& label) {
    for (auto& s : selectors_)
        if (!s.prefix && s.text == metric) s.label = label;
    for (auto& track : tracks_) {
        if (track->key.metric != metric) continue;
        track->label = label;
        track->name = trackName(label, track->key.run);
        legendDirty_ = true;
        viewDirty_ = true;
    }
}

void LiveChart::addMetricPrefix(const std::string& prefix) {
    selectors_.push_back({prefix, QString(), true});
    rescanStore();
}

void LiveChart::rescanStore() {
    // Series already in the store must be adopted even if nothing is appended any more.
    knownSeries_ = 0;
    seenVersion_ = ~std::uint64_t(0);
}

std::optional<QString> LiveChart::labelFor(const std::string& metric) const {
    for (const auto& s : selectors_) {
        if (!s.prefix && metric == s.text) return s.label;
        if (s.prefix && metric.size() > s.text.size() && metric.starts_with(s.text))
            return QString::fromStdString(metric.substr(s.text.size()));
    }
    return std::nullopt;
}

void LiveChart::adoptNewSeries() {
    if (store_.size() == knownSeries_) return;
    const auto keys = store_.keys();
    knownSeries_ = keys.size();
    for (const auto& key : keys) {
        const bool known = std::any_of(tracks_.begin(), tracks_.end(),
                                       [&](const auto& t) { return t->key == key; });
        if (known) continue;
        if (auto label = labelFor(key.metric)) addTrack(key, *label);
    }
}

void LiveChart::addTrack(const series::SeriesKey& key, const QString& label) {
    auto buffer = store_.find(key);
    if (!buffer) return;
    auto track = std::make_unique<Track>(
        Track{key, label, trackName(label, key.run), std::move(buffer),
              series::SeriesMirror(store_.capacity_per_series(), smoothing_), plot_->addGraph(),
              plot_->addGraph()});
    track->raw->removeFromLegend();
    styleTrack(*track, int(tracks_.size()));
    tracks_.push_back(std::move(track));
    legendDirty_ = true;
}

void LiveChart::setRunColors(std::function<QColor(const std::string& run)> color) {
    runColor_ = std::move(color);
    for (std::size_t i = 0; i < tracks_.size(); ++i)
        styleTrack(*tracks_[i], int(i));
    legendDirty_ = true;
    viewDirty_ = true;
}

void LiveChart::setMarkers(const std::vector<Marker>& markers) {
    for (QCPItemStraightLine* line : markerLines_)
        plot_->removeItem(line);
    markerLines_.clear();
    markers_ = markers;
    for (const Marker& marker : markers_) {
        auto* line = new QCPItemStraightLine(plot_);
        // Translucent: a burst of events must not hide the curves behind it.
        QColor color = marker.color;
        color.setAlpha(150);
        line->setPen(QPen(color, 1, marker.dashed ? Qt::DashLine : Qt::SolidLine));
        line->setSelectable(false);
        markerLines_.push_back(line);
    }
    placeMarkers();
}

double LiveChart::markerX(int index) const {
    const Marker& marker = markers_.at(std::size_t(index));
    return mode_ == series::AxisMode::Step ? marker.step : marker.time;
}

void LiveChart::placeMarkers() {
    for (std::size_t i = 0; i < markerLines_.size(); ++i) {
        const double x = markerX(int(i));
        markerLines_[i]->point1->setCoords(x, 0);
        markerLines_[i]->point2->setCoords(x, 1);
    }
    viewDirty_ = true;
}

void LiveChart::styleTrack(Track& track, int index) {
    const QColor color = runColor_ ? runColor_(track.key.run) : seriesColor(index);
    QColor faint = color;
    faint.setAlpha(70);
    track.raw->setPen(QPen(faint, 1));
    // The faint raw line is noise under the smoothed one: antialiasing it costs blended,
    // sub-pixel spans for thousands of segments a frame for no visible gain.
    track.raw->setAntialiased(false);
    track.smooth->setPen(QPen(color, kSmoothPenWidth));
    track.raw->setVisible(track.visible && smoothing_ > 0);
    track.smooth->setVisible(track.visible);
}

bool LiveChart::refresh() {
    if (pullNewData()) viewDirty_ = true;
    // A chart nobody can see (a page not shown, scrolled out of the dashboard) keeps its
    // mirrors in step, which is cheap, and draws once it comes into view. The plot's region,
    // not ours: the opaque plot covering us leaves ours empty.
    if (!viewDirty_ || plot_->visibleRegion().isEmpty()) return false;
    applyPendingView();
    plot_->replot();
    return true;
}

bool LiveChart::pullNewData() {
    const std::uint64_t version = store_.version();
    if (version == seenVersion_) return false;
    seenVersion_ = version;
    const std::size_t before = tracks_.size();
    adoptNewSeries();
    bool changed = tracks_.size() != before;
    for (auto& track : tracks_)
        changed = track->mirror.sync(*track->buffer) || changed;
    return changed;
}

void LiveChart::applyPendingView() {
    if (!viewDirty_) return;
    viewDirty_ = false;
    applyView();
}

bool LiveChart::dataExtent(double& lo, double& hi) const {
    lo = std::numeric_limits<double>::infinity();
    hi = -lo;
    for (const auto& track : tracks_) {
        if (!track->visible || track->mirror.size() == 0) continue;
        lo = std::min(lo, track->mirror[0].x(mode_));
        hi = std::max(hi, track->mirror[track->mirror.size() - 1].x(mode_));
    }
    return lo <= hi;
}

void LiveChart::resizeEvent(QResizeEvent* event) {
    viewDirty_ = true;
    legendDirty_ = true;
    QWidget::resizeEvent(event);
}

void LiveChart::fitLegend() {
    legendDirty_ = false;
    QCPLegend& legend = *plot_->legend;
    // An empty legend's maximum width is its margins, and the layout's one column takes the
    // smallest maximum of its rows: out of the layout until it has an entry, or an empty chart
    // draws its axes in a corner.
    QCPLayoutGrid& layout = *plot_->plotLayout();
    const bool inLayout = layout.hasElement(1, 0) && layout.element(1, 0) == &legend;
    if (tracks_.empty() && inLayout) layout.take(&legend);
    if (!tracks_.empty() && !inLayout) layout.addElement(1, 0, &legend);
    legend.setVisible(!tracks_.empty());
    const QMargins margins = legend.margins() + plot_->plotLayout()->margins();
    const int room = plot_->width() - margins.left() - margins.right() - kLegendSlackPx;
    // With one run on the chart its name would repeat on every entry (the status line shows
    // it): entries name the metric alone until a second run arrives.
    const bool oneRun = std::all_of(tracks_.begin(), tracks_.end(), [&](const auto& t) {
        return t->key.run == tracks_.front()->key.run;
    });
    int widest = 1;
    for (const auto& track : tracks_) {
        const QString text = runColor_ ? QString::fromStdString(track->key.run)
                             : oneRun  ? track->label
                                       : track->name;
        track->smooth->setName(text);
        QCPAbstractLegendItem* entry = legend.itemWithPlottable(track->smooth);
        if (!entry) continue;
        // An entry clips its drawing to its own box, which ends at the text's descent line:
        // a little room below keeps underscores ("topic_name:0") visible.
        entry->setMargins(QMargins(0, 0, 0, 2));
        // Wider than the chart: shortened in the middle, so the run's name at the end stays
        // readable; the hover read-out and the CSV name the series in full.
        const int excess = entry->minimumOuterSizeHint().width() - room;
        if (excess > 0) {
            const QFontMetrics metrics(entry->font());
            track->smooth->setName(metrics.elidedText(
                text, Qt::ElideMiddle, std::max(0, metrics.horizontalAdvance(text) - excess)));
        }
        widest = std::max(widest, entry->minimumOuterSizeHint().width());
    }
    // As many entries per row as fit the chart's width.
    const int spacing = legend.columnSpacing();
    const int columns = std::max(1, (room + spacing) / (widest + spacing));
    if (columns == legend.wrap()) return;
    legend.setWrap(columns);
    legend.setFillOrder(QCPLayoutGrid::foColumnsFirst, true);
}

void LiveChart::fitXTicks() {
    // Each tick label needs its own width and as much again of gap, or neighbours run into
    // each other ("5001000") on narrow charts and at 2x scale.
    const QFontMetrics metrics(plot_->xAxis->tickLabelFont());
    const int label =
        metrics.horizontalAdvance(mode_ == series::AxisMode::WallClock ? QStringLiteral("00:00:00")
                                                                       : QStringLiteral("00000"));
    const int room = plot_->axisRect()->width() > 0 ? plot_->axisRect()->width() : plot_->width();
    plot_->xAxis->ticker()->setTickCount(std::clamp(room / std::max(1, 2 * label), 2, kXTicks));
}

void LiveChart::applyView() {
    if (legendDirty_) {
        fitXTicks();
        fitLegend();
    }
    applyingView_ = true;
    double lo = 0, hi = 0;
    if (follow_ && dataExtent(lo, hi)) {
        if (followWidth_) lo = hi - *followWidth_;
        if (hi - lo <= 0) {
            lo -= 0.5;
            hi += 0.5;
        }
        plot_->xAxis->setRange(lo, hi);
    }
    const QCPRange x = plot_->xAxis->range();
    // The reference (decimation off) draws every point of the visible range, however many.
    const int columns = decimation_ ? std::max(plot_->axisRect()->width(), 100)
                                    : std::numeric_limits<int>::max() / 8;
    double ylo = std::numeric_limits<double>::infinity(), yhi = -ylo;
    for (auto& track : tracks_) {
        if (!track->visible) continue;
        series::MinMaxDecimator::split(track->mirror, mode_, x.lower, x.upper, columns, columns_);
        for (QCPGraph* graph : {track->raw, track->smooth}) {
            if (!graph->visible()) continue;
            const auto value =
                graph == track->raw ? series::SeriesValue::Raw : series::SeriesValue::Smoothed;
            series::MinMaxDecimator::decimate(track->mirror, columns_, mode_, value, scratch_);
            // A line with more points than the plot has pixel columns is a min/max band of
            // near-vertical segments: antialiasing cannot smooth what is drawn a pixel apart
            // and its 2-px strokes were half of a frame's cost (10 × 100k points). Sparser
            // lines, where the steps would show, stay antialiased.
            // Dense, it is also drawn 1 px wide: Qt's raster engine draws 1-px solid lines on
            // its fast path and wider ones through the path stroker, which took 40 % of such
            // a frame (docs/dashboard.md, "Frame rate").
            if (graph == track->smooth) {
                const bool sparse = scratch_.size() <= std::size_t(columns);
                graph->setAntialiased(sparse);
                QPen pen = graph->pen();
                pen.setWidth(sparse ? kSmoothPenWidth : 1);
                graph->setPen(pen);
            }
            for (const auto& p : scratch_) {
                if (p.x < x.lower || p.x > x.upper || !std::isfinite(p.y)) continue;
                ylo = std::min(ylo, p.y);
                yhi = std::max(yhi, p.y);
            }
            setGraphData(*graph, scratch_);
        }
    }
    if (follow_ && ylo <= yhi) {
        if (zeroBased_ && ylo >= 0) {
            plot_->yAxis->setRange(0, std::max(yhi * 1.05, kMinZeroBasedSpan));
        } else {
            const double pad = yhi > ylo ? (yhi - ylo) * 0.05 : std::max(std::abs(yhi) * 0.05, 0.5);
            plot_->yAxis->setRange(ylo - pad, yhi + pad);
        }
    }
    applyingView_ = false;
}

void LiveChart::onUserRangeChange() {
    if (applyingView_) return;
    viewDirty_ = true;
    if (follow_) {
        follow_ = false;
        emit followChanged(false);
    }
}

void LiveChart::setSmoothing(double weight) {
    weight = series::EmaSmoother(weight).weight();
    if (weight == smoothing_) return;
    smoothing_ = weight;
    for (std::size_t i = 0; i < tracks_.size(); ++i) {
        tracks_[i]->mirror.setSmoothing(weight);
        styleTrack(*tracks_[i], int(i));
    }
    viewDirty_ = true;
}

void LiveChart::setAxisMode(series::AxisMode mode) {
    mode_ = mode;
    if (mode == series::AxisMode::WallClock) {
        auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
        ticker->setDateTimeFormat(QStringLiteral("HH:mm:ss"));
        plot_->xAxis->setTicker(ticker);
        plot_->xAxis->setLabel(tr("time"));
    } else {
        plot_->xAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
        plot_->xAxis->setLabel(stepAxisLabel());
    }
    placeMarkers();
    fitXTicks();
    resetView();
}

void LiveChart::setFollow(bool follow) {
    if (follow == follow_) return;
    follow_ = follow;
    if (follow) followWidth_ = plot_->xAxis->range().size();
    viewDirty_ = true;
    emit followChanged(follow);
}

void LiveChart::setRectZoomMode(bool on) {
    rectZoomMode_ = on;
}

void LiveChart::resetView() {
    followWidth_.reset();
    if (!follow_) {
        follow_ = true;
        emit followChanged(true);
    }
    viewDirty_ = true;
    refresh();
}

void LiveChart::zoomX(double lo, double hi) {
    plot_->xAxis->setRange(lo, hi);
    onUserRangeChange();
    refresh();
}

void LiveChart::onMousePress(QMouseEvent* event) {
    const bool zoom = event->button() == Qt::LeftButton &&
                      (rectZoomMode_ || event->modifiers().testFlag(Qt::ControlModifier));
    plot_->setSelectionRectMode(zoom ? QCP::srmZoom : QCP::srmNone);
}

void LiveChart::onMouseMove(QMouseEvent* event) {
    if (event->buttons() != Qt::NoButton) return;
    const QString text = readoutAt(event->position());
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), text, plot_);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

QString LiveChart::readoutAt(const QPointF& pixel) {
    tracer_->setVisible(false);
    if (!plot_->axisRect()->rect().contains(pixel.toPoint())) return {};
    const double x = plot_->xAxis->pixelToCoord(pixel.x());
    const Track* best = nullptr;
    std::size_t bestIndex = 0;
    double bestDistance = kHoverRadiusPx;
    for (const auto& track : tracks_) {
        if (!track->visible || track->mirror.size() == 0) continue;
        const std::size_t i = track->mirror.nearest(mode_, x);
        const auto& p = track->mirror[i];
        const double px = plot_->xAxis->coordToPixel(p.x(mode_));
        for (double y : {p.value, p.smoothed}) {
            if (!std::isfinite(y)) continue;
            const double d = std::hypot(px - pixel.x(), plot_->yAxis->coordToPixel(y) - pixel.y());
            if (d < bestDistance) {
                bestDistance = d;
                best = track.get();
                bestIndex = i;
            }
        }
    }
    if (!best) return {};
    const auto& p = best->mirror[bestIndex];
    tracer_->position->setCoords(p.x(mode_), p.smoothed);
    tracer_->setPen(best->smooth->pen());
    tracer_->setVisible(true);
    const QString xText = mode_ == series::AxisMode::Step
                              ? tr("step %1").arg(p.step, 0, 'f', 0)
                              : QDateTime::fromMSecsSinceEpoch(std::llround(p.time * 1000))
                                    .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
    return tr("%1\n%2\nvalue: %3\nsmoothed: %4")
        .arg(best->name, xText, QString::number(p.value, 'g', 6),
             QString::number(p.smoothed, 'g', 6));
}

void LiveChart::onLegendClick(QCPLegend*, QCPAbstractLegendItem* item, QMouseEvent*) {
    auto* entry = qobject_cast<QCPPlottableLegendItem*>(item);
    if (!entry) return;
    for (std::size_t i = 0; i < tracks_.size(); ++i)
        if (tracks_[i]->smooth == entry->plottable())
            setSeriesVisible(int(i), !tracks_[i]->visible);
}

QString LiveChart::seriesName(int index) const {
    return tracks_.at(std::size_t(index))->name;
}

bool LiveChart::isSeriesVisible(int index) const {
    return tracks_.at(std::size_t(index))->visible;
}

void LiveChart::setSeriesVisible(int index, bool visible) {
    Track& track = *tracks_.at(std::size_t(index));
    track.visible = visible;
    styleTrack(track, index);
    // A hidden series stays in the legend, greyed, so it can be clicked back on.
    if (auto* entry = plot_->legend->itemWithPlottable(track.smooth))
        entry->setTextColor(
            palette().color(visible ? QPalette::Active : QPalette::Disabled, QPalette::WindowText));
    viewDirty_ = true;
    refresh();
}

QString LiveChart::visibleCsv() const {
    std::vector<CsvExporter::Column> columns;
    for (const auto& track : tracks_)
        if (track->visible) columns.push_back({track->name, &track->mirror});
    const QCPRange x = plot_->xAxis->range();
    return CsvExporter::table(columns, mode_, x.lower, x.upper);
}

bool LiveChart::exportCsv(const QString& path) const {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return false;
    file.write(visibleCsv().toUtf8());
    return file.commit();
}

bool LiveChart::exportPng(const QString& path, int width, int height) {
    applyPendingView(); // a hidden chart may not have drawn its latest data yet
    return withFullWidthLines([&] { return plot_->savePng(path, width, height); });
}

bool LiveChart::exportPdf(const QString& path) {
    applyPendingView();
    return withFullWidthLines([&] { return plot_->savePdf(path); });
}

bool LiveChart::withFullWidthLines(const std::function<bool()>& save) {
    std::vector<std::pair<QCPGraph*, QPen>> live;
    for (auto& track : tracks_) {
        QPen pen = track->smooth->pen();
        live.emplace_back(track->smooth, pen);
        pen.setWidth(kSmoothPenWidth);
        track->smooth->setPen(pen);
    }
    const bool saved = save();
    for (const auto& [graph, pen] : live)
        graph->setPen(pen);
    return saved;
}

void LiveChart::showContextMenu(const QPoint& pos) {
    QMenu menu(this);
    menu.addAction(tr("Reset view"), this, &LiveChart::resetView);
    QAction* follow = menu.addAction(tr("Follow latest data"), this, &LiveChart::setFollow);
    follow->setCheckable(true);
    follow->setChecked(follow_);
    menu.addSeparator();
    menu.addAction(tr("Export visible range as CSV…"), this,
                   [this] { chooseExportFile(tr("CSV files (*.csv)"), QStringLiteral("csv")); });
    menu.addAction(tr("Save chart as PNG…"), this,
                   [this] { chooseExportFile(tr("PNG images (*.png)"), QStringLiteral("png")); });
    menu.addAction(tr("Save chart as PDF…"), this, [this] {
        chooseExportFile(tr("PDF documents (*.pdf)"), QStringLiteral("pdf"));
    });
    menu.exec(plot_->mapToGlobal(pos));
}

void LiveChart::chooseExportFile(const QString& filter, const QString& suffix) {
    QString path = QFileDialog::getSaveFileName(this, tr("Export chart"), QString(), filter);
    if (path.isEmpty()) return;
    if (QFileInfo(path).suffix().isEmpty()) path += QLatin1Char('.') + suffix;
    const bool ok = suffix == QLatin1String("csv")   ? exportCsv(path)
                    : suffix == QLatin1String("png") ? exportPng(path)
                                                     : exportPdf(path);
    if (!ok) QToolTip::showText(QCursor::pos(), tr("Could not write %1").arg(path), this);
}

void LiveChart::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        applyChartTheme(*plot_, *this); // the title's colour too
        legendDirty_ = true;            // text widths change with the font
        viewDirty_ = true;
    } else if (event->type() == QEvent::LanguageChange) {
        plot_->xAxis->setLabel(mode_ == series::AxisMode::Step ? stepAxisLabel() : tr("time"));
    }
}

} // namespace liveml::dashboard
