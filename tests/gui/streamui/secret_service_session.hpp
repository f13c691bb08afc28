#pragma once
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

namespace liveml::guitest {

// A private keychain for a test: a D-Bus session bus of its own (dbus-daemon) with
// gnome-keyring's Secret Service on it, its login keyring created and unlocked with a password
// fed on stdin, all files in a temporary folder. Nothing of the user's session is touched.
// start() returns an empty string when ready, or why it could not start, in words.
class SecretServiceSession {
  public:
    SecretServiceSession() = default;
    ~SecretServiceSession(); // stops both daemons
    SecretServiceSession(const SecretServiceSession&) = delete;
    SecretServiceSession& operator=(const SecretServiceSession&) = delete;

    QString start(int timeoutMs);
    const QString& busAddress() const { return address_; }
    // An environment whose D-Bus session is this one (for secret-tool and the daemons).
    QProcessEnvironment environment() const;
    // The secret stored under these attributes, read back with secret-tool (an independent
    // client of the Secret Service); empty when none.
    QString lookup(const QStringList& attributes, int timeoutMs) const;
    // Stops (SIGSTOP) or continues the Secret Service: stopped, it keeps its bus name but
    // answers nothing, like a keyring waiting on an unlock prompt nobody sees.
    void setFrozen(bool frozen);

  private:
    bool secretServiceOwned(int timeoutMs) const;

    QTemporaryDir dir_;
    QProcess bus_;
    QProcess keyring_;
    QString address_;
};

} // namespace liveml::guitest
