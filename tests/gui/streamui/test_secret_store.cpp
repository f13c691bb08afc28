// SecretStore against a real Secret Service: a private D-Bus session with gnome-keyring, entries
// read back with secret-tool; and with no keychain reachable, a failure in words and nothing
// kept anywhere else.
#include <QDirIterator>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "secret_service_session.hpp"
#include "streamui/secret_store.hpp"

using namespace liveml::streamui;

namespace {
constexpr int kStartMs = 15000;
constexpr int kAnswerMs = 10000;
const QString kService = QStringLiteral("liveml-studio-test");

// True when any file under `dir` holds `needle`.
bool anyFileContains(const QString& dir, const QByteArray& needle) {
    QDirIterator files(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle)) return true;
    }
    return false;
}
} // namespace

class TestSecretStore : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase();
    // Runs before any test reaches a bus: libsecret keeps the first session it connects to.
    void unreachableKeychainSaysWhyAndKeepsNothing();
    void roundTripThroughSecretService();
    void missingEntryReadsEmpty();
    void silentKeychainTimesOut();

  private:
    QTemporaryDir home_;
    liveml::guitest::SecretServiceSession session_;
};

void TestSecretStore::initTestCase() {
    QVERIFY(home_.isValid());
    // Anything written by mistake (a QSettings fallback) would land here, where we look for it.
    qputenv("HOME", home_.path().toLocal8Bit());
    qputenv("XDG_CONFIG_HOME", home_.filePath(QStringLiteral("config")).toLocal8Bit());
    qunsetenv("DISPLAY"); // no D-Bus autolaunch through X11
}

void TestSecretStore::unreachableKeychainSaysWhyAndKeepsNothing() {
    qputenv("DBUS_SESSION_BUS_ADDRESS",
            QStringLiteral("unix:path=%1").arg(home_.filePath(QStringLiteral("no-bus"))).toUtf8());
    SecretStore store(kService);
    QSignalSpy failed(&store, &SecretStore::failed);
    QSignalSpy availability(&store, &SecretStore::availabilityChanged);
    store.write(QStringLiteral("redis"), QStringLiteral("never-in-plain-text"));
    QCOMPARE(store.availability(), SecretStore::Availability::Unknown); // asynchronous
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, kAnswerMs);
    QCOMPARE(failed.at(0).at(0).toString(), QStringLiteral("redis"));
    QCOMPARE(store.availability(), SecretStore::Availability::Unavailable);
    QVERIFY(!store.problem().isEmpty());
    QCOMPARE(failed.at(0).at(1).toString(), store.problem());
    QVERIFY(!store.problem().contains(QStringLiteral("never-in-plain-text")));
    QCOMPARE(availability.size(), 1);
    qInfo("no keychain: %s", qPrintable(store.problem()));

    store.read(QStringLiteral("redis"));
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 2, kAnswerMs);
    QVERIFY(!anyFileContains(home_.path(), "never-in-plain-text"));
}

void TestSecretStore::roundTripThroughSecretService() {
    const QString problem = session_.start(kStartMs);
    // No skip: a keychain that cannot be started here is a failure to look into.
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    qputenv("DBUS_SESSION_BUS_ADDRESS", session_.busAddress().toUtf8());

    SecretStore store(kService);
    QSignalSpy written(&store, &SecretStore::secretWritten);
    QSignalSpy read(&store, &SecretStore::secretRead);
    QSignalSpy removed(&store, &SecretStore::secretRemoved);
    QSignalSpy failed(&store, &SecretStore::failed);
    const QString secret = QStringLiteral("s3cr\u00e9t with spaces=and:colons");
    store.write(QStringLiteral("stream/redis-password"), secret);
    QTRY_VERIFY_WITH_TIMEOUT(written.size() + failed.size() > 0, kAnswerMs);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(1).toString()));
    QCOMPARE(store.availability(), SecretStore::Availability::Available);
    QVERIFY(store.problem().isEmpty());

    // Another client of the Secret Service finds it under the service's name.
    const QStringList attributes{QStringLiteral("server"), kService, QStringLiteral("user"),
                                 QStringLiteral("stream/redis-password")};
    QCOMPARE(session_.lookup(attributes, kAnswerMs), secret);
    QVERIFY(!anyFileContains(home_.path(), secret.toUtf8()));

    store.read(QStringLiteral("stream/redis-password"));
    QTRY_COMPARE_WITH_TIMEOUT(read.size(), 1, kAnswerMs);
    QCOMPARE(read.at(0).at(1).toString(), secret);

    store.write(QStringLiteral("stream/redis-password"), QStringLiteral("second"));
    QTRY_COMPARE_WITH_TIMEOUT(written.size(), 2, kAnswerMs);
    QCOMPARE(session_.lookup(attributes, kAnswerMs), QStringLiteral("second"));

    store.write(QStringLiteral("stream/redis-password"), QString()); // empty: remove
    QTRY_COMPARE_WITH_TIMEOUT(removed.size(), 1, kAnswerMs);
    QCOMPARE(session_.lookup(attributes, kAnswerMs), QString());
    QVERIFY(failed.isEmpty());
}

void TestSecretStore::missingEntryReadsEmpty() {
    QVERIFY(!session_.busAddress().isEmpty());
    SecretStore store(kService);
    QSignalSpy read(&store, &SecretStore::secretRead);
    QSignalSpy removed(&store, &SecretStore::secretRemoved);
    store.read(QStringLiteral("never-written"));
    store.remove(QStringLiteral("never-written"));
    QTRY_COMPARE_WITH_TIMEOUT(removed.size(), 1, kAnswerMs);
    QCOMPARE(read.size(), 1);
    QCOMPARE(read.at(0).at(0).toString(), QStringLiteral("never-written"));
    QVERIFY(read.at(0).at(1).toString().isEmpty());
    QCOMPARE(store.availability(), SecretStore::Availability::Available);
}

void TestSecretStore::silentKeychainTimesOut() {
    SecretStore store(kService);
    store.setTimeout(std::chrono::milliseconds(1500));
    QSignalSpy failed(&store, &SecretStore::failed);
    QSignalSpy written(&store, &SecretStore::secretWritten);
    session_.setFrozen(true);
    QElapsedTimer clock;
    clock.start();
    store.write(QStringLiteral("stream/redis-password"), QStringLiteral("unanswered"));
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, kAnswerMs);
    const qint64 waited = clock.elapsed();
    session_.setFrozen(false);
    QVERIFY2(waited >= 1400 && waited < 5000, qPrintable(QString::number(waited)));
    QCOMPARE(store.availability(), SecretStore::Availability::Unavailable);
    QVERIFY2(store.problem().contains(QStringLiteral("did not answer")),
             qPrintable(store.problem()));
    // The late answer (once the service runs again) is not reported a second time.
    QTest::qWait(500);
    QCOMPARE(failed.size() + written.size(), 1);
}

QTEST_MAIN(TestSecretStore)
#include "test_secret_store.moc"
