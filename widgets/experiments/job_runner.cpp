#include "experiments/job_runner.hpp"

#include <QDateTime>
#include <QDir>

#include <algorithm>

#include "streamui/child_process.hpp"

namespace liveml::experiments {

namespace {

qint64 nowMs() {
    return QDateTime::currentMSecsSinceEpoch();
}

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

} // namespace

JobRunner::JobRunner(const QString& root, const QString& liveml, QObject* parent)
    : QObject(parent), store_(root.toStdString()), liveml_(liveml) {
    auto loaded = store_.load();
    runs_ = std::move(loaded.runs);
    loadProblems_ = std::move(loaded.problems);
}

JobRunner::~JobRunner() {
    // The children's destructors stop them (SIGTERM, then SIGKILL after a bound) without
    // signalling back; their run.json still says running, which load() reads as stopped.
    for (auto& [id, live] : live_)
        delete live.child;
}

const jobs::RunRecord* JobRunner::run(const QString& id) const {
    const auto it = std::find_if(runs_.begin(), runs_.end(),
                                 [&](const jobs::RunRecord& r) { return qs(r.id) == id; });
    return it == runs_.end() ? nullptr : &*it;
}

jobs::RunRecord* JobRunner::find(const QString& id) {
    return const_cast<jobs::RunRecord*>(run(id));
}

QString JobRunner::root() const {
    return qs(store_.root().string());
}

QString JobRunner::runDir(const QString& id) const {
    return qs(store_.run_dir(id.toStdString()).string());
}

QString JobRunner::outputDir(const QString& id) const {
    const jobs::RunRecord* record = run(id);
    if (!record) return {};
    return qs(jobs::output_path(record->spec.kind, store_.run_dir(record->id)).string());
}

std::optional<nlohmann::json> JobRunner::result(const QString& id) const {
    return store_.result(id.toStdString());
}

std::vector<StoredEvent> JobRunner::events(const QString& id) const {
    std::vector<StoredEvent> events;
    for (const std::string& line : store_.event_lines(id.toStdString())) {
        auto parsed = jobs::parse_job_line(line);
        if (!parsed.event) continue;
        const qint64 ms = parsed.event->body.value("studio_ms", qint64{0});
        events.push_back({std::move(*parsed.event), ms});
    }
    return events;
}

const RunProgress* JobRunner::progress(const QString& id) const {
    const auto it = live_.find(id);
    return it == live_.end() ? nullptr : &it->second.progress;
}

QString JobRunner::queueDevice(const jobs::JobSpec& spec) const {
    const std::string device = spec.device();
    if (device == "auto") return gpuCount_ > 0 ? QStringLiteral("cuda:0") : QStringLiteral("cpu");
    if (device == "cuda") return QStringLiteral("cuda:0");
    return qs(device);
}

QString JobRunner::submit(const jobs::JobSpec& spec) {
    jobs::RunRecord record;
    try {
        record = store_.create(spec, nowMs());
    } catch (const std::exception& e) {
        emit problem(tr("Could not create the run folder: %1").arg(qs(e.what())));
        return {};
    }
    const QString id = qs(record.id);
    runs_.push_back(record);
    queue_.enqueue(record.id, queueDevice(spec).toStdString());
    emit runAdded(id);
    startReady();
    return id;
}

bool JobRunner::cancel(const QString& id) {
    jobs::RunRecord* record = find(id);
    if (!record) return false;
    if (queue_.cancel_queued(record->id)) {
        finish(*record, jobs::RunStatus::Stopped, {});
        return true;
    }
    const auto it = live_.find(id);
    if (it == live_.end() || !it->second.child || !it->second.child->isRunning()) return false;
    it->second.child->stop();
    return true;
}

bool JobRunner::resume(const QString& id) {
    jobs::RunRecord* record = find(id);
    if (!record || !record->can_resume()) return false;
    record->status = jobs::RunStatus::Queued;
    record->error.clear();
    record->finished_ms = 0;
    save(*record);
    resumeNext_[id] = true;
    queue_.enqueue(record->id, queueDevice(record->spec).toStdString());
    emit runChanged(id);
    startReady();
    return true;
}

QString JobRunner::rerun(const QString& id) {
    const jobs::RunRecord* record = run(id);
    return record ? submit(record->spec) : QString();
}

bool JobRunner::remove(const QString& id) {
    const jobs::RunRecord* record = run(id);
    if (!record || record->is_active()) return false;
    try {
        store_.remove(record->id);
    } catch (const std::exception& e) {
        emit problem(tr("Could not delete the run: %1").arg(qs(e.what())));
        return false;
    }
    runs_.erase(runs_.begin() + (record - runs_.data()));
    live_.erase(id);
    emit runRemoved(id);
    return true;
}

void JobRunner::startReady() {
    for (const std::string& id : queue_.take_ready())
        if (jobs::RunRecord* record = find(qs(id))) {
            const bool resume = resumeNext_[qs(id)];
            resumeNext_.erase(qs(id));
            start(*record, resume);
        }
}

void JobRunner::start(jobs::RunRecord& record, bool resume) {
    const QString id = qs(record.id);
    record.status = jobs::RunStatus::Running;
    record.started_ms = nowMs();
    save(record);
    Live& live = live_[id];
    live.final.reset();
    live.progress = {};
    delete live.child;
    live.child = new streamui::ChildProcess(this);
    connect(live.child, &streamui::ChildProcess::lineRead, this,
            [this, id](const QString& line) { readLine(id, line); });
    connect(live.child, &streamui::ChildProcess::exited, this,
            [this, id](bool requested, const QString& message) { exited(id, requested, message); });
    emit runChanged(id);
    if (liveml_.isEmpty()) {
        finish(record, jobs::RunStatus::Failed,
               tr("The liveml program was not found next to the studio (set LIVEML_CLI)."));
        return;
    }
    QStringList arguments;
    for (const std::string& arg :
         jobs::job_arguments(record.spec, store_.run_dir(record.id), resume))
        arguments << qs(arg);
    live.child->start(liveml_, arguments);
}

void JobRunner::readLine(const QString& id, const QString& line) {
    jobs::RunRecord* record = find(id);
    auto parsed = jobs::parse_job_line(line.toStdString());
    // stdout carries only events (docs/job-protocol.md); anything else is not ours to parse.
    if (!record || !parsed.event) return;
    const qint64 arrived = nowMs();
    jobs::JobEvent& event = *parsed.event;
    event.body["studio_ms"] = arrived;
    store_.append_event(record->id, event.body.dump());
    Live& live = live_[id];
    if (event.type == jobs::EventType::Progress)
        live.progress = {qs(event.phase), event.step, event.total, event.eta_s};
    if (event.is_final()) live.final = event;
    emit eventReceived(id, {event, arrived});
}

void JobRunner::exited(const QString& id, bool requested, const QString& message) {
    jobs::RunRecord* record = find(id);
    if (!record || !record->is_active()) return;
    const auto& final = live_[id].final;
    if (final && final->type == jobs::EventType::Result) {
        nlohmann::json result = final->body;
        result.erase("event");
        result.erase("studio_ms");
        store_.save_result(record->id, result);
        record->headline = jobs::headline_of(record->spec.kind, result);
        if (result.contains("device") && result["device"].is_string())
            record->device = result["device"].get<std::string>();
        const bool stopped = result.value("stopped", false);
        finish(*record, stopped ? jobs::RunStatus::Stopped : jobs::RunStatus::Done, {});
    } else if (final) {
        finish(*record, jobs::RunStatus::Failed, qs(final->message));
    } else if (requested) {
        finish(*record, jobs::RunStatus::Stopped, {});
    } else {
        // The process died without a final line: that is an error (docs/job-protocol.md).
        finish(*record, jobs::RunStatus::Failed,
               message.isEmpty() ? tr("the job ended without a result") : message);
    }
}

void JobRunner::finish(jobs::RunRecord& record, jobs::RunStatus status, const QString& error) {
    const qint64 now = nowMs();
    if (record.status == jobs::RunStatus::Running && record.started_ms > 0)
        record.seconds += double(now - record.started_ms) / 1000.0;
    record.status = status;
    record.finished_ms = now;
    record.error = error.toStdString();
    save(record);
    queue_.finished(record.id);
    emit runChanged(qs(record.id));
    startReady();
}

void JobRunner::save(const jobs::RunRecord& record) {
    try {
        store_.save(record);
    } catch (const std::exception& e) {
        emit problem(tr("Could not save the run's state: %1").arg(qs(e.what())));
    }
}

} // namespace liveml::experiments
