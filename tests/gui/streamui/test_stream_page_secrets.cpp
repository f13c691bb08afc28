// The Stream page's secrets end to end against a real Secret Service (a private D-Bus session
// with gnome-keyring): Connect puts the Redis password and the secret Kafka property in the
// keychain and none of them in QSettings; a page opened later fills them in again (the Kafka
// secret masked on screen, its value used on Connect); a cleared password is removed.
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include "model_shelf.hpp"
#include "prediction_service.hpp"
#include "secret_service_session.hpp"
#include "stream_page.hpp"
#include "stream_page_form.hpp"
#include "streamui/stream_settings.hpp"

using namespace liveml;

namespace {
constexpr int kStartMs = 15000;
constexpr int kAnswerMs = 10000;
const QString kRedisSecret = QStringLiteral("redis-secret-1");
const QString kKafkaSecret = QStringLiteral("sasl.password=kafka-secret-2");
const QString kTypedProperties = QStringLiteral("sasl.username=studio\n") + kKafkaSecret;
} // namespace

class TestStreamPageSecrets : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase();
    void connectKeepsSecretsInTheKeychainOnly();
    void laterPageRestoresThem();
    void maskedSecretIsUsedAndKept();

  private:
    QString lookup(const char* entry) const;
    // Types the form and presses Connect, then Disconnect (nothing listens at these addresses).
    void connectWith(studio::StreamPage& page, const QString& properties, const QString& password);

    QTemporaryDir home_;
    liveml::guitest::SecretServiceSession session_;
    widgets::PredictionService service_;
    widgets::ModelShelf shelf_{service_};
};

void TestStreamPageSecrets::initTestCase() {
    QVERIFY(home_.isValid());
    qputenv("XDG_CONFIG_HOME", home_.filePath(QStringLiteral("config")).toLocal8Bit());
    const QString problem = session_.start(kStartMs);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    qputenv("DBUS_SESSION_BUS_ADDRESS", session_.busAddress().toUtf8());
}

QString TestStreamPageSecrets::lookup(const char* entry) const {
    return session_.lookup({QStringLiteral("server"), QCoreApplication::applicationName(),
                            QStringLiteral("user"), QString::fromLatin1(entry)},
                           kAnswerMs);
}

void TestStreamPageSecrets::connectWith(studio::StreamPage& page, const QString& properties,
                                        const QString& password) {
    guitest::StreamPageForm form(page);
    QCOMPARE(form.connectWith(QStringLiteral("127.0.0.1:9"), properties,
                              QStringLiteral("redis://127.0.0.1:9/0"), password),
             QString());
    QVERIFY(form.isConnected());
    form.disconnect();
}

void TestStreamPageSecrets::connectKeepsSecretsInTheKeychainOnly() {
    studio::StreamPage page(service_, shelf_);
    connectWith(page, kTypedProperties, kRedisSecret);
    QTRY_COMPARE_WITH_TIMEOUT(lookup(streamui::kRedisPasswordEntry), kRedisSecret, kAnswerMs);
    QTRY_COMPARE_WITH_TIMEOUT(lookup(streamui::kKafkaSecretsEntry), kKafkaSecret, kAnswerMs);
    QLabel* note = guitest::StreamPageForm(page).secretsNote;
    QVERIFY2(note->text().contains(QStringLiteral("kept in the system keychain")),
             qPrintable(note->text()));

    QSettings().sync();
    QFile settings(QSettings().fileName());
    QVERIFY2(settings.open(QIODevice::ReadOnly), qPrintable(settings.fileName()));
    const QByteArray bytes = settings.readAll();
    QVERIFY(bytes.contains("sasl.username=studio"));
    QVERIFY(!bytes.contains("redis-secret"));
    QVERIFY(!bytes.contains("kafka-secret"));
}

void TestStreamPageSecrets::laterPageRestoresThem() {
    studio::StreamPage page(service_, shelf_);
    const guitest::StreamPageForm form(page);
    QTRY_COMPARE_WITH_TIMEOUT(form.password->text(), kRedisSecret, kAnswerMs);
    const QString masked = QStringLiteral("sasl.username=studio\nsasl.password=") +
                           QString::fromUtf8(streamui::kKeychainMask);
    QTRY_COMPARE_WITH_TIMEOUT(form.properties->toPlainText(), masked, kAnswerMs);
}

void TestStreamPageSecrets::maskedSecretIsUsedAndKept() {
    studio::StreamPage page(service_, shelf_);
    const guitest::StreamPageForm form(page);
    QTRY_VERIFY_WITH_TIMEOUT(
        form.properties->toPlainText().contains(QString::fromUtf8(streamui::kKeychainMask)),
        kAnswerMs);
    // Connect as restored (the masked line untouched) with the password cleared.
    connectWith(page, form.properties->toPlainText(), QString());
    QTRY_COMPARE_WITH_TIMEOUT(lookup(streamui::kRedisPasswordEntry), QString(), kAnswerMs);
    QCOMPARE(lookup(streamui::kKafkaSecretsEntry), kKafkaSecret); // the value, not the mask

    // A masked line the keychain cannot fill is refused in words, not sent as is.
    guitest::StreamPageForm fresh(page);
    const QString error = fresh.connectWith(QStringLiteral("127.0.0.1:9"),
                                            QStringLiteral("ssl.key.password=") +
                                                QString::fromUtf8(streamui::kKeychainMask),
                                            QString(), QString());
    QVERIFY2(error.contains(QStringLiteral("ssl.key.password")), qPrintable(error));
    QVERIFY(!fresh.isConnected());
}

QTEST_MAIN(TestStreamPageSecrets)
#include "test_stream_page_secrets.moc"
