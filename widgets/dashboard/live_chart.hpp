#pragma once
#include <QColor>
#include <QString>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "series/axis_mode.hpp"
#include "series/min_max_decimator.hpp"
#include "series/series_store.hpp"

class QCustomPlot;
class QCPGraph;
class QCPItemStraightLine;
class QCPItemTracer;
class QCPAbstractLegendItem;
class QCPLegend;
class QMouseEvent;
class QResizeEvent;
class QCPTextElement;

namespace liveml::dashboard {

// A live line chart over a series::SeriesStore: shows every series whose metric it was told to
// show, one line per run, so runs overlay. Its owner's frame clock (DashboardView's FrameClock)
// calls refresh(), which pulls new data and redraws only when the store changed or the view
// moved (never per point); long series are decimated per pixel column. Features: EMA smoothing (raw
// faint, smoothed bold), step or wall-clock axis, auto-follow of the newest data (paused by
// zoom/pan), rectangle zoom (Ctrl+drag or zoom mode), double-click reset, hover read-out, CSV
// export of the visible range, PNG/PDF export, a legend whose entries toggle their series.
class LiveChart : public QWidget {
    Q_OBJECT
  public:
    LiveChart(series::SeriesStore& store, QWidget* parent = nullptr);
    ~LiveChart() override;

    void setTitle(const QString& title);
    void setValueLabel(const QString& label);
    // What the step axis counts ("samples seen" unless set).
    void setStepLabel(const QString& label);
    // Shows the metric named exactly `metric`; `label` names it in the legend (with the run).
    void addMetric(const std::string& metric, const QString& label);
    // Shows every metric starting with `prefix`; the legend names it by the rest of its name.
    void addMetricPrefix(const std::string& prefix);
    // Renames a metric's legend entries (a new language, a parameter shown in the label).
    void setMetricLabel(const std::string& metric, const QString& label);

    // For a chart that compares runs of one metric (the learners): each run's line gets the
    // colour `color` gives its run name, and its legend entry names the run alone.
    void setRunColors(std::function<QColor(const std::string& run)> color);

    // A vertical line across the plot at a position on either x axis (a drift event).
    struct Marker {
        double step = 0;
        double time = 0;
        QColor color;
        bool dashed = false; // a warning rather than a drift
    };
    // Replaces the markers; they follow the axis mode.
    void setMarkers(const std::vector<Marker>& markers);
    int markerCount() const noexcept { return int(markerLines_.size()); }
    // Where marker `index` sits on the current x axis.
    double markerX(int index) const;

    // Counts, rates and durations: the followed y range starts at 0 (a flat line at 0 then
    // sits on the floor of a 0..1 axis instead of in the middle of -0.5..0.5).
    void setZeroBased(bool on) {
        zeroBased_ = on;
        viewDirty_ = true;
    }

    void setSmoothing(double weight);
    double smoothing() const noexcept { return smoothing_; }
    void setAxisMode(series::AxisMode mode);
    series::AxisMode axisMode() const noexcept { return mode_; }
    void setFollow(bool follow);
    bool follows() const noexcept { return follow_; }
    // When on, a plain left drag draws a zoom rectangle instead of panning.
    void setRectZoomMode(bool on);
    // Off hands every visible point to QCustomPlot (the benchmark's reference).
    void setDecimation(bool on) {
        decimation_ = on;
        viewDirty_ = true;
    }

    // Shows all data and resumes following it (what a double-click does).
    void resetView();
    // Shows [lo, hi] on the x axis and stops following, as a user zoom would.
    void zoomX(double lo, double hi);

    // Pulls new data and redraws if anything changed and some of the chart is in view (a chart
    // out of view draws when it comes back). True if it redrew. The view's FrameClock calls it
    // every frame; tests and exports call it directly.
    bool refresh();

    QString visibleCsv() const;
    bool exportCsv(const QString& path) const;
    bool exportPng(const QString& path, int width = 0, int height = 0);
    bool exportPdf(const QString& path);

    // The read-out the hover shows at a plot pixel (empty when no series is near).
    QString readoutAt(const QPointF& pixel);

    int seriesCount() const noexcept { return int(tracks_.size()); }
    QString seriesName(int index) const;
    void setSeriesVisible(int index, bool visible);
    bool isSeriesVisible(int index) const;
    QCustomPlot* plot() const noexcept { return plot_; }

    QSize sizeHint() const override { return {420, 260}; }
    // Narrow enough for three charts abreast in the dashboard at the studio's default window
    // size without a horizontal scroll bar; tall enough that a four-entry legend (the lag
    // chart's partitions) leaves a plot its axis label fits beside (the dashboard scrolls).
    QSize minimumSizeHint() const override { return {180, 230}; }

  signals:
    void followChanged(bool follow);

  protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override; // the legend's columns follow the width

  private:
    // Runs save with every smoothed line at its full width: an export is drawn once, so it
    // does not need the thinner dense lines a live frame uses to stay within its budget.
    bool withFullWidthLines(const std::function<bool()>& save);
    QString stepAxisLabel() const;
    struct Track;
    struct Selector {
        std::string text;
        QString label;
        bool prefix;
    };

    void rescanStore();
    void adoptNewSeries();
    void addTrack(const series::SeriesKey& key, const QString& label);
    bool pullNewData();
    void applyPendingView();
    std::optional<QString> labelFor(const std::string& metric) const;
    void styleTrack(Track& track, int index);
    void placeMarkers();
    void applyView();
    void plotTrack(Track& track, double lo, double hi, int columns);
    bool dataExtent(double& lo, double& hi) const;
    void fitLegend();
    void fitXTicks();
    void setXRange(double lo, double hi);
    void setYRange(double lo, double hi);
    void onUserRangeChange();
    void onMousePress(QMouseEvent* event);
    void onMouseMove(QMouseEvent* event);
    void onLegendClick(QCPLegend* legend, QCPAbstractLegendItem* item, QMouseEvent* event);
    void showContextMenu(const QPoint& pos);
    void chooseExportFile(const QString& filter, const QString& suffix);

    series::SeriesStore& store_;
    QCustomPlot* plot_;
    QCPTextElement* title_;
    QCPItemTracer* tracer_;
    std::vector<Selector> selectors_;
    std::vector<std::unique_ptr<Track>> tracks_;
    std::function<QColor(const std::string&)> runColor_;
    std::vector<Marker> markers_;
    std::vector<QCPItemStraightLine*> markerLines_; // owned by plot_
    std::size_t knownSeries_ = 0;
    std::uint64_t seenVersion_ = ~std::uint64_t(0);
    double smoothing_ = 0;
    series::AxisMode mode_ = series::AxisMode::Step;
    QString stepLabel_;
    bool follow_ = true;
    std::optional<double> followWidth_; // x width kept while following; none = all data
    bool rectZoomMode_ = false;
    bool decimation_ = true;
    bool zeroBased_ = false;
    bool viewDirty_ = true;
    bool legendDirty_ = true;
    bool applyingView_ = false;                // our own range changes must not count as user zoom
    series::MinMaxDecimator::Columns columns_; // per-frame scratch, kept for its storage
    std::vector<series::PlotPoint> scratch_;
};

} // namespace liveml::dashboard
