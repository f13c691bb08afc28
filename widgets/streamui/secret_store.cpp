#include "streamui/secret_store.hpp"

#include <QTimer>

#include <qt6keychain/keychain.h>

namespace liveml::streamui {

namespace {
// Errors that say the keychain is there and answered; anything else means it cannot be used.
bool keychainAnswered(QKeychain::Error error) {
    return error == QKeychain::EntryNotFound || error == QKeychain::AccessDeniedByUser ||
           error == QKeychain::CouldNotDeleteEntry;
}
} // namespace

SecretStore::SecretStore(QString service, QObject* parent)
    : QObject(parent), service_(std::move(service)) {}

void SecretStore::read(const QString& key) {
    auto* job = new QKeychain::ReadPasswordJob(service_);
    job->setKey(key);
    start(job, Operation::Read);
}

void SecretStore::write(const QString& key, const QString& secret) {
    if (secret.isEmpty()) {
        remove(key);
        return;
    }
    auto* job = new QKeychain::WritePasswordJob(service_);
    job->setKey(key);
    job->setTextData(secret);
    start(job, Operation::Write);
}

void SecretStore::remove(const QString& key) {
    auto* job = new QKeychain::DeletePasswordJob(service_);
    job->setKey(key);
    start(job, Operation::Remove);
}

void SecretStore::start(QKeychain::Job* job, Operation operation) {
    // The backend calls back into a job until it has finished, so a job must not die with this
    // store: it has no parent and deletes itself once finished (autoDelete, the default).
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plain-text file instead of the keychain
    const quint64 id = nextId_++;
    pending_.insert(id, {job->key(), operation});
    connect(job, &QKeychain::Job::finished, this,
            [this, id](QKeychain::Job* finished) { finish(id, finished); });
    QTimer::singleShot(timeout_, this, [this, id] { expire(id); });
    job->start();
}

void SecretStore::finish(quint64 id, QKeychain::Job* job) {
    const auto it = pending_.constFind(id);
    if (it == pending_.constEnd()) return; // answered after its timeout, already reported
    const Pending request = *it;
    pending_.erase(it);
    const QKeychain::Error error = job->error();
    const bool nothingStored = error == QKeychain::EntryNotFound;
    if (error == QKeychain::NoError || (nothingStored && request.operation != Operation::Write)) {
        setAvailability(Availability::Available, {});
        switch (request.operation) {
        case Operation::Read:
            emit secretRead(request.key,
                            nothingStored
                                ? QString()
                                : static_cast<QKeychain::ReadPasswordJob*>(job)->textData());
            break;
        case Operation::Write:
            emit secretWritten(request.key);
            break;
        case Operation::Remove:
            emit secretRemoved(request.key);
            break;
        }
        return;
    }
    const QString reason = job->errorString().isEmpty()
                               ? tr("the keychain reported error %1").arg(int(error))
                               : job->errorString();
    if (keychainAnswered(error))
        setAvailability(Availability::Available, {});
    else
        setAvailability(Availability::Unavailable, reason);
    emit failed(request.key, reason);
}

void SecretStore::expire(quint64 id) {
    const auto it = pending_.constFind(id);
    if (it == pending_.constEnd()) return;
    const QString key = it->key;
    pending_.erase(it);
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(timeout_).count();
    const QString reason =
        tr("the keychain did not answer within %n s", nullptr, static_cast<int>(seconds));
    setAvailability(Availability::Unavailable, reason);
    emit failed(key, reason);
}

void SecretStore::setAvailability(Availability availability, const QString& problem) {
    if (availability == availability_ && problem == problem_) return;
    availability_ = availability;
    problem_ = problem;
    emit availabilityChanged(availability, problem);
}

} // namespace liveml::streamui
