#include "dashboard/dashboard_view.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QSlider>
#include <QToolButton>
#include <QVBoxLayout>

#include "dashboard/chart_theme.hpp"
#include "dashboard/confusion_matrix_chart.hpp"
#include "dashboard/label_distribution_chart.hpp"
#include "dashboard/leaderboard_table.hpp"
#include "dashboard/live_chart.hpp"
#include "series/metric_names.hpp"

namespace liveml::dashboard {

namespace {

constexpr int kColumns = 3;
constexpr int kSmoothingSteps = 999; // slider 0..999 → weight 0..0.999
constexpr std::size_t kRollingWindows[] = {100, 500, 1000, 5000, 10000};

} // namespace

// One line chart of the grid: its title and the metrics (or metric prefix) it overlays.
struct DashboardView::ChartSpec {
    const char* title; // untranslated, QT_TR_NOOP
    const char* valueLabel;
    std::vector<std::pair<const char*, const char*>> metrics; // name, legend label (QT_TR_NOOP)
    const char* prefix = nullptr;
    bool zeroBased = true;   // counts, rates, durations: the y axis starts at 0
    bool perLearner = false; // one line per learner, in the learner's colour
};

DashboardView::DashboardView(QWidget* parent) : QWidget(parent), feed_(store_, kRollingWindows[2]) {
    specs_ = {
        {QT_TR_NOOP("Samples seen"),
         QT_TR_NOOP("samples"),
         {{series::metric::kSamplesSeen, QT_TR_NOOP("samples seen")}}},
        {QT_TR_NOOP("Rolling accuracy"),
         QT_TR_NOOP("accuracy"),
         // Named with their windows by labelMetrics(): the trainer's N (10 by default, as
         // the original job) and the one chosen here differ, and so do the curves.
         {{series::metric::kAccuracyLastN, QT_TR_NOOP("trainer, last N")},
          {series::metric::kRollingAccuracy, QT_TR_NOOP("predictions, chosen N")}},
         nullptr,
         false},
        {QT_TR_NOOP("Prequential accuracy"),
         QT_TR_NOOP("accuracy"),
         {{series::metric::kPrequentialAccuracy, QT_TR_NOOP("prequential")}},
         nullptr,
         false},
        {QT_TR_NOOP("Log loss"),
         QT_TR_NOOP("mean log loss"),
         {{series::metric::kLogLoss, QT_TR_NOOP("log loss")}},
         nullptr,
         false},
        {QT_TR_NOOP("Last 10 s: total vs correct"),
         QT_TR_NOOP("records"),
         {{series::metric::kWindowTotal, QT_TR_NOOP("total")},
          {series::metric::kWindowCorrect, QT_TR_NOOP("correct")}}},
        {QT_TR_NOOP("Throughput"),
         QT_TR_NOOP("records/s"),
         {{series::metric::kThroughput, QT_TR_NOOP("throughput")}}},
        {QT_TR_NOOP("End-to-end latency"),
         QT_TR_NOOP("ms"),
         {{series::metric::kLatencyMean, QT_TR_NOOP("mean")},
          {series::metric::kLatencyMax, QT_TR_NOOP("max")}}},
        {QT_TR_NOOP("Consumer lag per partition"),
         QT_TR_NOOP("records behind"),
         {},
         series::metric::kLagPrefix},
        {QT_TR_NOOP("Dead-lettered records"),
         QT_TR_NOOP("records"),
         {{series::metric::kDeadLetters, QT_TR_NOOP("dead letters")}}},
        {QT_TR_NOOP("Accuracy per learner"),
         QT_TR_NOOP("accuracy"),
         {{series::metric::kLearnerAccuracy, QT_TR_NOOP("accuracy")}},
         nullptr,
         false,
         true},
        {QT_TR_NOOP("Log loss per learner"),
         QT_TR_NOOP("mean log loss"),
         {{series::metric::kLearnerLogLoss, QT_TR_NOOP("log loss")}},
         nullptr,
         false,
         true},
        {QT_TR_NOOP("Calibration error per learner"),
         QT_TR_NOOP("ECE"),
         {{series::metric::kLearnerEce, QT_TR_NOOP("ECE")}},
         nullptr,
         true,
         true},
        {QT_TR_NOOP("Records/s per learner"),
         QT_TR_NOOP("records/s"),
         {{series::metric::kLearnerRate, QT_TR_NOOP("records/s")}},
         nullptr,
         true,
         true},
    };

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(buildToolbar());
    layout->addWidget(buildGrid(), 1);
    retranslate();
    connect(&clock_, &FrameClock::frame, this, &DashboardView::refresh);
}

DashboardView::~DashboardView() = default;

QWidget* DashboardView::buildToolbar() {
    auto* bar = new QWidget(this);
    // Two rows (view controls, then data options and status) so the dashboard fits the
    // studio's default window width beside the Stream page's controls.
    auto* rows = new QVBoxLayout(bar);
    rows->setContentsMargins(0, 0, 0, 0);
    auto* row = new QHBoxLayout();
    auto* second = new QHBoxLayout();
    rows->addLayout(row);
    rows->addLayout(second);

    smoothingLabel_ = new QLabel(bar);
    smoothing_ = new QSlider(Qt::Horizontal, bar);
    smoothing_->setRange(0, kSmoothingSteps);
    smoothing_->setMinimumWidth(140);
    smoothingValue_ = new QLabel(QStringLiteral("0.000"), bar);
    connect(smoothing_, &QSlider::valueChanged, this,
            [this](int v) { setSmoothing(double(v) / 1000.0); });

    axis_ = new QComboBox(bar);
    axis_->addItems({QString(), QString()});
    connect(axis_, &QComboBox::currentIndexChanged, this, [this](int index) {
        for (LiveChart* chart : charts_)
            chart->setAxisMode(index == 0 ? series::AxisMode::Step : series::AxisMode::WallClock);
    });

    follow_ = new QCheckBox(bar);
    follow_->setChecked(true);
    connect(follow_, &QCheckBox::toggled, this, [this](bool on) {
        for (LiveChart* chart : charts_)
            chart->setFollow(on);
    });

    rectZoom_ = new QToolButton(bar);
    rectZoom_->setCheckable(true);
    connect(rectZoom_, &QToolButton::toggled, this, [this](bool on) {
        for (LiveChart* chart : charts_)
            chart->setRectZoomMode(on);
    });

    windowLabel_ = new QLabel(bar);
    window_ = new QComboBox(bar);
    window_->setObjectName(QStringLiteral("rollingWindow"));
    for (std::size_t n : kRollingWindows)
        window_->addItem(QString::number(n), qulonglong(n));
    window_->setCurrentIndex(2);
    connect(window_, &QComboBox::currentIndexChanged, this, [this](int index) {
        feed_.setRollingWindow(std::size_t(window_->itemData(index).toULongLong()));
        labelMetrics();
    });

    normalized_ = new QCheckBox(bar);
    normalized_->setChecked(true);

    status_ = new QLabel(bar);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // A long status must not widen the window; it is cut at the right edge instead.
    status_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    status_->setMinimumWidth(120);

    for (QWidget* w : std::initializer_list<QWidget*>{smoothingLabel_, smoothing_, smoothingValue_,
                                                      axis_, follow_, rectZoom_})
        row->addWidget(w);
    row->addStretch(1);
    for (QWidget* w : std::initializer_list<QWidget*>{windowLabel_, window_, normalized_})
        second->addWidget(w);
    second->addWidget(status_, 1);
    return bar;
}

QWidget* DashboardView::buildGrid() {
    auto* grid = new QWidget(this);
    auto* layout = new QGridLayout(grid);
    layout->setContentsMargins(0, 0, 0, 0);
    // The leaderboard across the top, once a trainer reports learners.
    leaderboard_ = new LeaderboardTable(grid);
    leaderboard_->setVisible(false);
    layout->addWidget(leaderboard_, 0, 0, 1, kColumns);
    int cell = kColumns;
    const auto place = [&](QWidget* w) {
        layout->addWidget(w, cell / kColumns, cell % kColumns);
        ++cell;
    };
    for (const auto& spec : specs_) {
        auto* chart = new LiveChart(store_, grid);
        chart->setZeroBased(spec.zeroBased);
        if (spec.perLearner)
            chart->setRunColors([](const std::string& run) { return learnerColor(run); });
        for (const auto& [name, label] : spec.metrics) {
            chart->addMetric(name, tr(label));
            byMetric_[name] = chart;
        }
        if (spec.prefix) {
            chart->addMetricPrefix(spec.prefix);
            byMetric_[spec.prefix] = chart;
        }
        // A chart the user stops following unticks the shared box only for display; the
        // others keep their own state.
        connect(chart, &LiveChart::followChanged, this, [this](bool on) {
            if (!on) {
                QSignalBlocker block(follow_);
                follow_->setChecked(false);
            }
        });
        charts_.push_back(chart);
        place(chart);
    }
    labels_ = new LabelDistributionChart(grid);
    place(labels_);
    confusion_ = new ConfusionMatrixChart(grid);
    connect(normalized_, &QCheckBox::toggled, confusion_, &ConfusionMatrixChart::setRowNormalized);
    place(confusion_);
    for (int r = 1; r < layout->rowCount(); ++r)
        layout->setRowMinimumHeight(r, 220);

    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(grid);
    return scroll;
}

LiveChart* DashboardView::chart(const std::string& metric) const {
    const auto it = byMetric_.find(metric);
    return it == byMetric_.end() ? nullptr : it->second;
}

void DashboardView::setSmoothing(double weight) {
    smoothingValue_->setText(QString::number(weight, 'f', 3));
    {
        QSignalBlocker block(smoothing_);
        smoothing_->setValue(int(std::lround(weight * 1000)));
    }
    for (LiveChart* chart : charts_)
        chart->setSmoothing(weight);
}

void DashboardView::refresh() {
    pullFeed();
    for (LiveChart* chart : charts_)
        chart->refresh();
}

void DashboardView::pullFeed() {
    const std::uint64_t version = feed_.version();
    if (version == seenFeedVersion_) return;
    seenFeedVersion_ = version;
    const auto snapshot = feed_.snapshot();
    labels_->setCounts(snapshot.labels);
    confusion_->setCounts(snapshot.confusion);
    if (snapshot.accuracyWindow != trainerAccuracyWindow_) {
        trainerAccuracyWindow_ = snapshot.accuracyWindow;
        labelMetrics();
    }
    if (!snapshot.learners.empty()) {
        leaderboard_->setReports(snapshot.learners);
        leaderboard_->setVisible(true);
    }
    updateDriftMarkers(snapshot);
    updateStatus(snapshot);
}

void DashboardView::updateDriftMarkers(const series::DashboardFeed::Snapshot& snapshot) {
    if (snapshot.driftTotal == seenDrifts_) return;
    seenDrifts_ = snapshot.driftTotal;
    std::vector<LiveChart::Marker> markers;
    for (const auto& mark : snapshot.drifts)
        markers.push_back(
            {mark.step, mark.time, learnerColor(mark.learner), mark.kind == "warning"});
    for (LiveChart* chart : charts_)
        chart->setMarkers(markers);
}

void DashboardView::labelMetrics() {
    for (std::size_t i = 0; i < specs_.size(); ++i)
        for (const auto& [name, label] : specs_[i].metrics)
            charts_[i]->setMetricLabel(name, tr(label));
    if (trainerAccuracyWindow_ > 0)
        byMetric_.at(series::metric::kAccuracyLastN)
            ->setMetricLabel(series::metric::kAccuracyLastN,
                             tr("trainer, last %1").arg(trainerAccuracyWindow_));
    byMetric_.at(series::metric::kRollingAccuracy)
        ->setMetricLabel(series::metric::kRollingAccuracy,
                         tr("predictions, last %1").arg(window_->currentData().toULongLong()));
}

void DashboardView::updateStatus(const series::DashboardFeed::Snapshot& s) {
    QString text = tr("%1 records · model version %2 · run %3")
                       .arg(s.records)
                       .arg(s.modelVersion)
                       .arg(s.run.empty() ? tr("none") : QString::fromStdString(s.run));
    if (s.driftTotal > 0) text += tr(" · %n drift event(s)", nullptr, int(s.driftTotal));
    if (s.malformed > 0)
        text += tr(" · %1 refused (last: %2)")
                    .arg(s.malformed)
                    .arg(QString::fromStdString(s.lastError));
    status_->setText(text);
}

void DashboardView::retranslate() {
    smoothingLabel_->setText(tr("Smoothing"));
    axis_->setItemText(0, tr("Step axis"));
    axis_->setItemText(1, tr("Wall-clock axis"));
    follow_->setText(tr("Follow latest"));
    rectZoom_->setText(tr("Zoom box"));
    rectZoom_->setToolTip(tr("Drag a rectangle to zoom (Ctrl+drag works in any mode); "
                             "double-click a chart to reset it"));
    windowLabel_->setText(tr("Rolling N"));
    normalized_->setText(tr("Confusion as row shares"));
    for (std::size_t i = 0; i < specs_.size(); ++i) {
        charts_[i]->setTitle(tr(specs_[i].title));
        charts_[i]->setValueLabel(tr(specs_[i].valueLabel));
    }
    labelMetrics();
    labels_->setTitle(tr("Label distribution"));
    confusion_->setTitle(tr("Confusion matrix"));
    updateStatus(feed_.snapshot());
}

void DashboardView::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) retranslate();
}

} // namespace liveml::dashboard
