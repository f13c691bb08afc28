#pragma once
#include <QImage>
#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;
class QTabWidget;
class QTableView;

namespace liveml::experiments {
class HostCapabilities;
class JobForm;
class JobRunner;
class RunHistoryModel;
class RunLiveView;
class RunResultsView;
} // namespace liveml::experiments

namespace liveml::studio {

// The Experiments page: pick a job kind and fill its form, Start (Ctrl+Return) runs it as a
// `liveml clip` child in a run folder under the user's data folder; the selected run shows
// live (progress, loss and throughput, log) and its results; the history table lists every
// run (kept across restarts) with rerun, open folder and delete.
class ExperimentsPage : public QWidget {
    Q_OBJECT
  public:
    // runsRoot: the folder of run folders (default: <XDG data>/liveml/liveml-studio/experiments).
    explicit ExperimentsPage(const QString& runsRoot = defaultRunsRoot(),
                             QWidget* parent = nullptr);
    ~ExperimentsPage() override;
    static QString defaultRunsRoot();

    // The Zero-shot form's "Use the drawing" reads the Draw page's canvas through this.
    void setDrawingSource(std::function<QImage()> source);

    // Starts the form's job; its run id, or empty (errorText() says why).
    QString start();
    bool cancelSelected();
    bool resumeSelected();
    QString rerunSelected();
    // Deletes without asking (the button asks first).
    bool deleteRun(const QString& id);
    void selectRun(const QString& id);
    QString selectedRun() const;
    QString errorText() const;
    // Shows the Live (0) or Results (1) tab.
    void showTab(int index);

    experiments::JobRunner& runner() { return *runner_; }
    experiments::JobForm* form() const { return form_; }
    experiments::RunLiveView* liveView() const { return live_; }
    experiments::RunResultsView* resultsView() const { return results_; }
    QTableView* historyView() const { return history_; }

  protected:
    void changeEvent(QEvent* event) override;

  private:
    void selectionChanged();
    void runChanged(const QString& id);
    void updateButtons();
    void showError(const QString& text);
    void askDelete();
    void openFolder();
    void retranslate();

    experiments::JobRunner* runner_;
    experiments::HostCapabilities* host_;
    experiments::JobForm* form_;
    QPushButton* startButton_;
    QPushButton* cancelButton_;
    QPushButton* resumeButton_;
    QLabel* error_;
    QTabWidget* tabs_;
    experiments::RunLiveView* live_;
    experiments::RunResultsView* results_;
    QLabel* historyTitle_;
    QTableView* history_;
    experiments::RunHistoryModel* model_;
    QPushButton* rerunButton_;
    QPushButton* folderButton_;
    QPushButton* deleteButton_;
};

} // namespace liveml::studio
