#include "secret_service_session.hpp"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QThread>

#include <csignal>
#include <sys/prctl.h>

namespace liveml::guitest {

namespace {
constexpr int kStopMs = 3000;

void stopProcess(QProcess& process) {
    if (process.state() == QProcess::NotRunning) return;
    process.terminate();
    if (!process.waitForFinished(kStopMs)) {
        process.kill();
        process.waitForFinished(kStopMs);
    }
}

// The daemons go when the test does, even when it is killed (a CTest timeout).
void dieWithTest(QProcess& process) {
    process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
}

QString outputOf(QProcess& process) {
    return QString::fromLocal8Bit(process.readAllStandardOutput() + process.readAllStandardError())
        .trimmed();
}
} // namespace

SecretServiceSession::~SecretServiceSession() {
    stopProcess(keyring_);
    stopProcess(bus_);
}

QProcessEnvironment SecretServiceSession::environment() const {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), address_);
    // The keyring's files (login.keyring) and sockets stay in the temporary folder.
    env.insert(QStringLiteral("HOME"), dir_.filePath(QStringLiteral("home")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), dir_.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir_.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), dir_.filePath(QStringLiteral("run")));
    env.remove(QStringLiteral("DISPLAY")); // no prompts on anybody's screen
    return env;
}

QString SecretServiceSession::start(int timeoutMs) {
    if (!dir_.isValid()) return QStringLiteral("no temporary folder: %1").arg(dir_.errorString());
    for (const char* sub : {"home", "data", "config", "run"})
        QDir(dir_.path()).mkpath(QString::fromLatin1(sub));
    QFile::setPermissions(dir_.filePath(QStringLiteral("run")),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

    dieWithTest(bus_);
    bus_.start(
        QStringLiteral("dbus-daemon"),
        {QStringLiteral("--session"), QStringLiteral("--nofork"), QStringLiteral("--nopidfile"),
         QStringLiteral("--print-address=1"),
         QStringLiteral("--address=unix:path=%1").arg(dir_.filePath(QStringLiteral("bus")))});
    if (!bus_.waitForStarted(timeoutMs))
        return QStringLiteral("dbus-daemon did not start: %1").arg(bus_.errorString());
    QElapsedTimer clock;
    clock.start();
    while (!bus_.canReadLine() && clock.elapsed() < timeoutMs && bus_.state() == QProcess::Running)
        bus_.waitForReadyRead(100);
    address_ = QString::fromLocal8Bit(bus_.readLine()).trimmed();
    if (address_.isEmpty())
        return QStringLiteral("dbus-daemon printed no address: %1").arg(outputOf(bus_));

    keyring_.setProcessEnvironment(environment());
    dieWithTest(keyring_);
    keyring_.start(
        QStringLiteral("gnome-keyring-daemon"),
        {QStringLiteral("--foreground"), QStringLiteral("--unlock"),
         QStringLiteral("--components=secrets"),
         QStringLiteral("--control-directory=%1").arg(dir_.filePath(QStringLiteral("run")))});
    if (!keyring_.waitForStarted(timeoutMs))
        return QStringLiteral("gnome-keyring-daemon did not start: %1").arg(keyring_.errorString());
    // --unlock reads the login keyring's password up to end of input, creating the keyring.
    // (QProcess writes from the event loop: flush before closing, nothing here spins one.)
    keyring_.write("test-login-password");
    keyring_.waitForBytesWritten(timeoutMs);
    keyring_.closeWriteChannel();
    if (!secretServiceOwned(timeoutMs - int(clock.elapsed())))
        return QStringLiteral("gnome-keyring-daemon did not take org.freedesktop.secrets on the "
                              "private bus: %1")
            .arg(outputOf(keyring_));
    return {};
}

bool SecretServiceSession::secretServiceOwned(int timeoutMs) const {
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < timeoutMs && keyring_.state() == QProcess::Running) {
        QProcess query;
        query.setProcessEnvironment(environment());
        query.start(QStringLiteral("dbus-send"),
                    {QStringLiteral("--session"), QStringLiteral("--print-reply"),
                     QStringLiteral("--dest=org.freedesktop.DBus"),
                     QStringLiteral("/org/freedesktop/DBus"),
                     QStringLiteral("org.freedesktop.DBus.NameHasOwner"),
                     QStringLiteral("string:org.freedesktop.secrets")});
        if (query.waitForFinished(kStopMs) &&
            query.readAllStandardOutput().contains("boolean true"))
            return true;
        QThread::msleep(100);
    }
    return false;
}

QString SecretServiceSession::lookup(const QStringList& attributes, int timeoutMs) const {
    QProcess tool;
    tool.setProcessEnvironment(environment());
    tool.start(QStringLiteral("secret-tool"), QStringList{QStringLiteral("lookup")} + attributes);
    if (!tool.waitForFinished(timeoutMs)) {
        tool.kill();
        tool.waitForFinished(kStopMs);
        return {};
    }
    return QString::fromUtf8(tool.readAllStandardOutput());
}

void SecretServiceSession::setFrozen(bool frozen) {
    if (keyring_.state() == QProcess::Running)
        ::kill(static_cast<pid_t>(keyring_.processId()), frozen ? SIGSTOP : SIGCONT);
}

} // namespace liveml::guitest
