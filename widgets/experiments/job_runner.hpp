#pragma once
#include <QObject>
#include <QString>

#include <map>
#include <optional>
#include <vector>

#include "jobs/job_event.hpp"
#include "jobs/job_queue.hpp"
#include "jobs/run_store.hpp"

namespace liveml::streamui {
class ChildProcess;
}

namespace liveml::experiments {

// Where a running job is, from its latest progress event.
struct RunProgress {
    QString phase;
    qint64 step = 0;
    qint64 total = 0;
    std::optional<double> etaS;
};

// An event as the run folder keeps it: the job's event and when the studio read it.
struct StoredEvent {
    jobs::JobEvent event;
    qint64 arrivedMs = 0;
};

// The Experiments page's runs: creates run folders (core/jobs RunStore), queues runs one per
// device, starts each as a `liveml clip …` child, records its events, result and status, and
// keeps the history. Lives on the GUI thread; every signal comes from the GUI thread.
class JobRunner : public QObject {
    Q_OBJECT
  public:
    // root: the folder of run folders; liveml: the CLI (empty: runs fail saying it is missing).
    JobRunner(const QString& root, const QString& liveml, QObject* parent = nullptr);
    ~JobRunner() override; // stops running jobs (SIGTERM): they come back as stopped

    const std::vector<jobs::RunRecord>& runs() const { return runs_; }
    const jobs::RunRecord* run(const QString& id) const;
    QString root() const;
    QString runDir(const QString& id) const;
    // Where a run's model or index is (empty for jobs that make none).
    QString outputDir(const QString& id) const;
    std::optional<nlohmann::json> result(const QString& id) const;
    std::vector<StoredEvent> events(const QString& id) const;
    const RunProgress* progress(const QString& id) const;
    // Run folders the history could not read, with why.
    const std::vector<std::string>& loadProblems() const { return loadProblems_; }

    // GPUs on this machine: "auto" runs queue behind jobs on the first GPU, or on the CPU.
    void setGpuCount(int count) { gpuCount_ = count; }

    // A new run, queued; its id, or empty when its folder could not be made (`problem` says).
    QString submit(const jobs::JobSpec& spec);
    // Running: SIGTERM (training writes a resumable checkpoint); queued: dropped. Both end
    // as stopped.
    bool cancel(const QString& id);
    // A stopped or failed resumable run, queued again in its own folder (train: --resume).
    bool resume(const QString& id);
    QString rerun(const QString& id);
    // Deletes a run that is not queued or running, with its folder.
    bool remove(const QString& id);

  signals:
    void runAdded(const QString& id);
    void runChanged(const QString& id);
    void runRemoved(const QString& id);
    void eventReceived(const QString& id, const liveml::experiments::StoredEvent& event);
    void problem(const QString& message);

  private:
    jobs::RunRecord* find(const QString& id);
    QString queueDevice(const jobs::JobSpec& spec) const;
    void startReady();
    void start(jobs::RunRecord& record, bool resume);
    void readLine(const QString& id, const QString& line);
    void exited(const QString& id, bool requested, const QString& message);
    void finish(jobs::RunRecord& record, jobs::RunStatus status, const QString& error);
    void save(const jobs::RunRecord& record);

    struct Live {
        streamui::ChildProcess* child = nullptr;
        std::optional<jobs::JobEvent> final;
        RunProgress progress;
    };

    jobs::RunStore store_;
    jobs::JobQueue queue_;
    QString liveml_;
    int gpuCount_ = 0;
    std::vector<jobs::RunRecord> runs_;
    std::vector<std::string> loadProblems_;
    std::map<QString, Live> live_;
    std::map<QString, bool> resumeNext_;
};

} // namespace liveml::experiments
