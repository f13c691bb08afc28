#pragma once
#include <QHash>
#include <QObject>
#include <QString>

#include <chrono>

namespace QKeychain {
class Job;
}

namespace liveml::streamui {

// Secrets (passwords, private keys) in the system keychain through QtKeychain: on Linux the
// freedesktop Secret Service over D-Bus (gnome-keyring, KWallet). Every call returns at once
// and answers later with a signal, so the GUI thread never waits on D-Bus. A keychain that
// does not answer within the timeout (a locked keyring showing a prompt nobody sees, a hung
// bus) counts as unreachable. There is no plain-text fallback: without a keychain a secret is
// simply not kept.
class SecretStore : public QObject {
    Q_OBJECT
  public:
    enum class Availability { Unknown, Available, Unavailable };
    Q_ENUM(Availability)

    // `service` names the application's entries in the keychain.
    explicit SecretStore(QString service, QObject* parent = nullptr);

    void setTimeout(std::chrono::milliseconds timeout) { timeout_ = timeout; }
    void read(const QString& key);
    void write(const QString& key, const QString& secret); // an empty secret removes the entry
    void remove(const QString& key);

    const QString& service() const { return service_; }
    Availability availability() const { return availability_; }
    // Why the keychain is unreachable, in words (empty while it is not known to be).
    const QString& problem() const { return problem_; }

  signals:
    void secretRead(const QString& key, const QString& secret); // empty: nothing stored
    void secretWritten(const QString& key);
    void secretRemoved(const QString& key);
    void failed(const QString& key, const QString& message);
    void availabilityChanged(liveml::streamui::SecretStore::Availability availability,
                             const QString& problem);

  private:
    enum class Operation { Read, Write, Remove };
    void start(QKeychain::Job* job, Operation operation);
    void finish(quint64 id, QKeychain::Job* job);
    void expire(quint64 id);
    void setAvailability(Availability availability, const QString& problem);

    struct Pending {
        QString key;
        Operation operation;
    };
    QString service_;
    std::chrono::milliseconds timeout_{10000};
    QHash<quint64, Pending> pending_;
    quint64 nextId_ = 0;
    Availability availability_ = Availability::Unknown;
    QString problem_;
};

} // namespace liveml::streamui
