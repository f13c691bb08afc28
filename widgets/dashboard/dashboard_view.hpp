#pragma once
#include <QWidget>

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "dashboard/frame_clock.hpp"
#include "series/dashboard_feed.hpp"
#include "series/series_store.hpp"

class QCheckBox;
class QComboBox;
class QLabel;
class QSlider;
class QToolButton;

namespace liveml::dashboard {

class ConfusionMatrixChart;
class LabelDistributionChart;
class LeaderboardTable;
class LiveChart;

// The live training dashboard: one chart per trainer metric, one per learner score with the
// learners overlaid (each in its learnerColor()), drift events as vertical lines on every
// chart, a leaderboard of the learners, the label distribution and the confusion matrix, with
// shared controls (smoothing, x axis, follow, rectangle zoom, rolling
// window N, row normalisation). Data enters only through feed() (or the two ingest calls),
// from any thread; the view's one FrameClock pulls it and redraws the charts in sight.
class DashboardView : public QWidget {
    Q_OBJECT
  public:
    explicit DashboardView(QWidget* parent = nullptr);
    ~DashboardView() override;

    series::DashboardFeed& feed() noexcept { return feed_; }
    series::SeriesStore& store() noexcept { return store_; }
    bool ingestMetricsJson(std::string_view json, std::string_view source = {}) {
        return feed_.ingestMetricsJson(json, source);
    }
    bool ingestPrediction(int actual, int predicted) {
        return feed_.ingestPrediction(actual, predicted);
    }

    // The chart showing `metric` (a name from metric_names.hpp; the lag chart under
    // series::metric::kLagPrefix), or null.
    LiveChart* chart(const std::string& metric) const;
    const std::vector<LiveChart*>& charts() const noexcept { return charts_; }
    LabelDistributionChart* labelChart() const noexcept { return labels_; }
    ConfusionMatrixChart* confusionChart() const noexcept { return confusion_; }
    LeaderboardTable* leaderboard() const noexcept { return leaderboard_; }

    void setSmoothing(double weight);
    // One frame: pulls the feed's latest matrix, labels and status, brings every chart's copy of
    // its series up to date and redraws the charts in sight. The frame clock calls it; tests
    // call it to avoid waiting.
    void refresh();

  protected:
    void changeEvent(QEvent* event) override;

  private:
    struct ChartSpec;
    void pullFeed();
    QWidget* buildToolbar();
    QWidget* buildGrid();
    void retranslate();
    void updateStatus(const series::DashboardFeed::Snapshot& snapshot);
    void updateDriftMarkers(const series::DashboardFeed::Snapshot& snapshot);
    void labelMetrics(); // legend entries in the current language, with the accuracy windows

    series::SeriesStore store_;
    series::DashboardFeed feed_;
    std::vector<ChartSpec> specs_;
    std::vector<LiveChart*> charts_;
    std::map<std::string, LiveChart*> byMetric_;
    LabelDistributionChart* labels_ = nullptr;
    ConfusionMatrixChart* confusion_ = nullptr;
    LeaderboardTable* leaderboard_ = nullptr;
    QSlider* smoothing_ = nullptr;
    QLabel* smoothingLabel_ = nullptr;
    QLabel* smoothingValue_ = nullptr;
    QComboBox* axis_ = nullptr;
    QCheckBox* follow_ = nullptr;
    QToolButton* rectZoom_ = nullptr;
    QLabel* windowLabel_ = nullptr;
    QComboBox* window_ = nullptr;
    QCheckBox* normalized_ = nullptr;
    QLabel* status_ = nullptr;
    FrameClock clock_;
    std::uint64_t seenFeedVersion_ = ~std::uint64_t(0);
    std::int64_t trainerAccuracyWindow_ = 0; // the trainer's N, 0 until a record names it
    std::uint64_t seenDrifts_ = 0;           // drift events already on the charts
};

} // namespace liveml::dashboard
