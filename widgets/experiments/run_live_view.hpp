#pragma once
#include <QWidget>

#include <memory>

#include "jobs/training_curve.hpp"

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QHBoxLayout;

namespace liveml::dashboard {
class LiveChart;
} // namespace liveml::dashboard
namespace liveml::series {
class SeriesStore;
} // namespace liveml::series

namespace liveml::experiments {

class IngestMonitor;
class JobRunner;
struct StoredEvent;

// The selected run as it happens: status (red with the last error when it failed), device,
// a progress bar with phase and ETA, the loss and throughput over steps (the dashboard's
// LiveChart with EMA smoothing) and the log. A run picked from the history is replayed from
// its event log, so the same view serves finished runs. An ingest run shows its IngestMonitor
// (objects/s, index size, newest thumbnails) in place of the training charts.
class RunLiveView : public QWidget {
    Q_OBJECT
  public:
    explicit RunLiveView(JobRunner& runner, QWidget* parent = nullptr);
    ~RunLiveView() override;

    void showRun(const QString& id);
    const QString& runId() const { return runId_; }

    QProgressBar* progressBar() const { return progress_; }
    QString phaseText() const;
    QString statusText() const;
    bool showsFailure() const { return failed_; }
    QString logText() const;
    // Points charted so far for the shown run (loss, throughput).
    int lossPoints() const { return lossPoints_; }
    int throughputPoints() const { return throughputPoints_; }
    IngestMonitor* ingestMonitor() const { return ingest_; }

  protected:
    void changeEvent(QEvent* event) override;

  private:
    void addEvent(const StoredEvent& stored);
    void appendLog(const QString& line);
    void updateStatus();
    void retranslate();
    void rebuildCharts();

    JobRunner& runner_;
    QString runId_;
    QLabel* status_;
    QLabel* device_;
    QProgressBar* progress_;
    QLabel* phase_;
    QHBoxLayout* charts_;
    IngestMonitor* ingest_;
    QPlainTextEdit* log_;
    std::unique_ptr<series::SeriesStore> store_;
    dashboard::LiveChart* lossChart_ = nullptr;
    dashboard::LiveChart* throughputChart_ = nullptr;
    std::unique_ptr<jobs::TrainingCurve> curve_;
    std::int64_t batchSize_ = 256;
    int lossPoints_ = 0;
    int throughputPoints_ = 0;
    bool failed_ = false;
};

} // namespace liveml::experiments
