#pragma once
#include <QWidget>

#include <memory>

class QLabel;
class QListWidget;
class QStackedWidget;
class QTableWidget;

namespace liveml::dashboard {
class ConfusionMatrixChart;
}

namespace liveml::experiments {

class CompareView;
class GalleryImages;
class JobRunner;
class NamedBarChart;

// What the selected run found, by kind: a metrics table (every figure of the result: for
// Evaluate zero-shot top-1/top-5/mean per-class recall, R@1/5/10 both ways, mAP, NDCG@10,
// latency, QPS) with per-class recall bars and the zero-shot confusion matrix (the dashboard's
// heat map) when the job reports them; a thumbnail grid for
// Search (click a result to search by it); probability bars per image for Zero-shot; the
// models side by side for Compare.
class RunResultsView : public QWidget {
    Q_OBJECT
  public:
    explicit RunResultsView(JobRunner& runner, QWidget* parent = nullptr);
    ~RunResultsView() override;

    void showRun(const QString& id);

    QTableWidget* metricsTable() const { return metrics_; }
    NamedBarChart* recallChart() const { return recall_; }
    // The zero-shot confusion matrix of Evaluate and dataset Zero-shot runs (10 classes).
    dashboard::ConfusionMatrixChart* confusionChart() const { return confusion_; }
    QListWidget* searchGrid() const { return grid_; }
    NamedBarChart* probabilityChart() const { return probabilities_; }
    CompareView* compareView() const { return compare_; }
    // Which view shows: "none", "metrics", "search", "zeroshot", "compare".
    QString currentView() const;
    // The value the metrics table shows for a result member ("zeroshot.top1"), or empty.
    QString metric(const QString& key) const;

  signals:
    // A search result was clicked: search by its picture (a file the job can read).
    void searchByImage(const QString& path);

  protected:
    void changeEvent(QEvent* event) override;

  private:
    void showMetrics(const QString& id);
    void showSearch(const QString& id);
    void showZeroShot(const QString& id);
    void showCompare(const QString& id);
    void retranslate();

    JobRunner& runner_;
    std::unique_ptr<GalleryImages> gallery_;
    QString runId_;
    QStackedWidget* stack_;
    QLabel* empty_;
    QTableWidget* metrics_;
    NamedBarChart* recall_;
    dashboard::ConfusionMatrixChart* confusion_;
    QWidget* charts_; // holds recall_ and confusion_; hidden with both, so the table fills

    QLabel* query_;
    QListWidget* grid_;
    QLabel* image_;
    NamedBarChart* probabilities_;
    CompareView* compare_;
};

} // namespace liveml::experiments
