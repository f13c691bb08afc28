#include "streamui/child_process.hpp"

#include <QTimer>

#include <csignal>
#include <sys/prctl.h>

namespace liveml::streamui {

namespace {
constexpr int kKillAfterMs = 3000;
}

ChildProcess::ChildProcess(QObject* parent) : QObject(parent) {
    connect(&process_, &QProcess::readyReadStandardOutput, this, &ChildProcess::readOutput);
    connect(&process_, &QProcess::readyReadStandardError, this, &ChildProcess::readErrors);
    connect(&process_, &QProcess::finished, this, &ChildProcess::finished);
    connect(&process_, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart) return;
        emit exited(false,
                    tr("could not start %1: %2").arg(process_.program(), process_.errorString()));
    });
    // Runs in the child between fork and exec: it gets SIGTERM when the studio dies.
    process_.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
}

ChildProcess::~ChildProcess() {
    process_.disconnect(this);
    stopAndWait();
}

void ChildProcess::start(const QString& program, const QStringList& arguments,
                         const QProcessEnvironment& environment) {
    stopRequested_ = false;
    lastError_.clear();
    pendingOut_.clear();
    process_.setProcessEnvironment(environment);
    process_.start(program, arguments);
}

void ChildProcess::stop() {
    if (!isRunning()) return;
    stopRequested_ = true;
    process_.terminate();
    QTimer::singleShot(kKillAfterMs, this, [this] {
        if (stopRequested_ && isRunning()) process_.kill();
    });
}

void ChildProcess::stopAndWait(int timeoutMs) {
    if (!isRunning()) return;
    stopRequested_ = true;
    process_.terminate();
    if (!process_.waitForFinished(timeoutMs)) {
        process_.kill();
        process_.waitForFinished(timeoutMs);
    }
}

void ChildProcess::readOutput() {
    pendingOut_ += process_.readAllStandardOutput();
    qsizetype end;
    while ((end = pendingOut_.indexOf('\n')) >= 0) {
        const QString line = QString::fromUtf8(pendingOut_.left(end)).trimmed();
        pendingOut_.remove(0, end + 1);
        if (!line.isEmpty()) emit lineRead(line);
    }
}

void ChildProcess::readErrors() {
    const QStringList lines =
        QString::fromUtf8(process_.readAllStandardError()).split('\n', Qt::SkipEmptyParts);
    for (const QString& line : lines)
        emit errorLineRead(line.trimmed());
    if (!lines.isEmpty()) lastError_ = lines.back().trimmed();
}

void ChildProcess::finished(int exitCode, QProcess::ExitStatus status) {
    readOutput();
    readErrors();
    if (stopRequested_) {
        emit exited(true, {});
        return;
    }
    if (status == QProcess::NormalExit && exitCode == 0) {
        emit exited(false, {});
        return;
    }
    QString why =
        status == QProcess::CrashExit ? tr("crashed") : tr("exited with code %1").arg(exitCode);
    if (!lastError_.isEmpty()) why += QStringLiteral(": ") + lastError_;
    emit exited(false, why);
}

} // namespace liveml::streamui
