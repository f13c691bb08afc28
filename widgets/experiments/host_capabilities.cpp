#include "experiments/host_capabilities.hpp"

#include <QProcess>
#include <QTimer>

#include <functional>

#include "jobs/job_spec.hpp"

namespace liveml::experiments {

namespace {

constexpr int kProbeTimeoutMs = 5000;

// Runs program with arguments; `done` gets its stdout (empty when it failed or timed out).
void runProgram(QObject* owner, const QString& program, const QStringList& arguments,
                std::function<void(const QByteArray&)> done) {
    auto* process = new QProcess(owner);
    auto finishOnce = std::make_shared<bool>(false);
    auto complete = [process, done, finishOnce](const QByteArray& out) {
        if (*finishOnce) return;
        *finishOnce = true;
        done(out);
        process->deleteLater();
    };
    QObject::connect(process, &QProcess::finished, owner,
                     [process, complete](int code, QProcess::ExitStatus status) {
                         complete(status == QProcess::NormalExit && code == 0
                                      ? process->readAllStandardOutput()
                                      : QByteArray());
                     });
    QObject::connect(process, &QProcess::errorOccurred, owner,
                     [complete](QProcess::ProcessError error) {
                         if (error == QProcess::FailedToStart) complete({});
                     });
    QTimer::singleShot(kProbeTimeoutMs, process, [process, complete] {
        process->kill();
        complete({});
    });
    process->start(program, arguments);
}

} // namespace

HostCapabilities::~HostCapabilities() {
    for (QProcess* process : findChildren<QProcess*>()) {
        process->disconnect();
        process->kill();
        process->waitForFinished(kProbeTimeoutMs);
    }
}

void HostCapabilities::probe(const QString& liveml) {
    auto jobsDone = [this](const QByteArray& help) {
        const std::string text = help.toStdString();
        for (jobs::JobKind kind : jobs::kAllJobKinds) {
            const std::string name(jobs::job_name(kind));
            if (jobs::help_lists_subcommand(text, name)) jobs_.insert(QString::fromStdString(name));
        }
        emit jobsProbed();
    };
    if (liveml.isEmpty())
        QTimer::singleShot(0, this, [jobsDone] { jobsDone({}); });
    else
        runProgram(this, liveml, {QStringLiteral("clip"), QStringLiteral("--help")}, jobsDone);
    runProgram(this, QStringLiteral("nvidia-smi"),
               {QStringLiteral("--query-gpu=index,name,memory.total"),
                QStringLiteral("--format=csv,noheader,nounits")},
               [this](const QByteArray& csv) {
                   for (const jobs::GpuInfo& gpu : jobs::parse_gpu_list(csv.toStdString()))
                       gpus_.push_back(gpu);
                   emit gpusProbed();
               });
}

} // namespace liveml::experiments
