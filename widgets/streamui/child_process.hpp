#pragma once
#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace liveml::streamui {

// One `liveml <subcommand>` child: forwards its stdout lines, keeps the tail of its stderr to
// explain a crash, and dies with the studio (SIGTERM on parent death), so a child never
// outlives us. Stopping is SIGTERM (the trainer writes its final checkpoint), SIGKILL after
// a bound.
class ChildProcess : public QObject {
    Q_OBJECT
  public:
    explicit ChildProcess(QObject* parent = nullptr);
    ~ChildProcess() override; // stopAndWait()

    void start(const QString& program, const QStringList& arguments,
               const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment());
    // Asynchronous: SIGTERM now, SIGKILL if still running after the bound; `exited` follows.
    void stop();
    // For shutdown: SIGTERM, wait, SIGKILL, wait. Bounded by about 2 × timeoutMs.
    void stopAndWait(int timeoutMs = 3000);

    bool isRunning() const { return process_.state() != QProcess::NotRunning; }
    qint64 pid() const { return process_.processId(); }

  signals:
    void lineRead(const QString& line);
    // Each line the child writes to stderr (its progress and complaints), trimmed.
    void errorLineRead(const QString& line);
    // requested: the exit followed stop(). message: why, in words; empty for a requested stop
    // or a clean exit (code 0).
    void exited(bool requested, const QString& message);

  private:
    void readOutput();
    void readErrors();
    void finished(int exitCode, QProcess::ExitStatus status);

    QProcess process_;
    QByteArray pendingOut_;
    QString lastError_;
    bool stopRequested_ = false;
};

} // namespace liveml::streamui
