// What the Stream page persists: secrets never reach QSettings (the file is read back as bytes),
// secret Kafka properties are told apart from the rest, and keychain-held ones merge back
// without overriding what the user typed.
#include <QCoreApplication>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include "streamui/stream_settings.hpp"

using namespace liveml::streamui;

class TestStreamSettings : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase() {
        QVERIFY(config_.isValid());
        qputenv("XDG_CONFIG_HOME", config_.path().toLocal8Bit());
        QCoreApplication::setOrganizationName(QStringLiteral("liveml-test"));
    }

    void tellsSecretPropertiesApart() {
        QVERIFY(isSecretProperty(QStringLiteral("sasl.password=hunter2")));
        QVERIFY(isSecretProperty(QStringLiteral(" ssl.key.password = x")));
        QVERIFY(isSecretProperty(QStringLiteral("ssl.key.pem=-----BEGIN")));
        QVERIFY(isSecretProperty(QStringLiteral("sasl.oauthbearer.client.secret=abc")));
        QVERIFY(isSecretProperty(QStringLiteral("some.future.password=abc")));
        QVERIFY(!isSecretProperty(QStringLiteral("sasl.username=studio")));
        QVERIFY(!isSecretProperty(QStringLiteral("security.protocol=SASL_SSL")));
        QVERIFY(!isSecretProperty(QStringLiteral("# sasl.password is set elsewhere")));

        const SplitProperties split = splitSecretProperties(
            {QStringLiteral("security.protocol=SASL_SSL"), QStringLiteral("sasl.username=u"),
             QStringLiteral("sasl.password=p=with=equals")});
        QCOMPARE(split.plain, QStringList({QStringLiteral("security.protocol=SASL_SSL"),
                                           QStringLiteral("sasl.username=u")}));
        QCOMPARE(split.secret, QStringList{QStringLiteral("sasl.password=p=with=equals")});
    }

    void typedPropertiesWinOverTheKeychain() {
        const QStringList typed{QStringLiteral("sasl.username=u"),
                                QStringLiteral("sasl.password=typed")};
        const QStringList merged =
            withSecretProperties(typed, {QStringLiteral("sasl.password=stored"),
                                         QStringLiteral("ssl.key.password=stored-key")});
        QCOMPARE(merged, QStringList({QStringLiteral("sasl.username=u"),
                                      QStringLiteral("sasl.password=typed"),
                                      QStringLiteral("ssl.key.password=stored-key")}));
    }

    void maskedSecretsUnmaskFromTheKeychain() {
        const QStringList kept{QStringLiteral("sasl.password=p=with=equals"),
                               QStringLiteral("ssl.key.password=k")};
        const QStringList masked = maskedProperties(kept);
        QCOMPARE(masked.size(), 2);
        QVERIFY(!masked.join('\n').contains(QStringLiteral("p=with=equals")));
        QVERIFY(masked[1].startsWith(QStringLiteral("ssl.key.password=")));
        const QStringList shown{QStringLiteral("sasl.username=u"), masked[0], masked[1]};
        QCOMPARE(unmaskedProperties(shown, kept),
                 QStringList({QStringLiteral("sasl.username=u"), kept[0], kept[1]}));
        // A typed value is left alone; a mask with nothing behind it is an error.
        QCOMPARE(unmaskedProperties({QStringLiteral("sasl.password=typed")}, kept),
                 QStringList{QStringLiteral("sasl.password=typed")});
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 unmaskedProperties(maskedProperties(kept), {}));
    }

    void savedSettingsHoldNoSecret() {
        StreamSettings settings;
        settings.bootstrap = QStringLiteral("kafka-1:9093");
        settings.kafkaProperties = {QStringLiteral("security.protocol=SASL_SSL"),
                                    QStringLiteral("sasl.password=kafka-secret")};
        settings.redisUrl = QStringLiteral("redis://:redis-secret@cache:6379/2");
        settings.save();
        QSettings().sync();

        const StreamSettings loaded = StreamSettings::load();
        QCOMPARE(loaded.bootstrap, settings.bootstrap);
        QCOMPARE(loaded.kafkaProperties, QStringList{QStringLiteral("security.protocol=SASL_SSL")});
        QCOMPARE(loaded.redisUrl, QStringLiteral("redis://cache:6379/2"));
        QFile file(QSettings().fileName());
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.contains("kafka-1:9093"));
        QVERIFY(!bytes.contains("kafka-secret"));
        QVERIFY(!bytes.contains("redis-secret"));
    }

    void passwordInTheUrlIsTakenOut() {
        QString password;
        QCOMPARE(withoutPassword(QStringLiteral("redis://:pw@h:6380/0"), &password),
                 QStringLiteral("redis://h:6380/0"));
        QCOMPARE(password, QStringLiteral("pw"));
        QVERIFY(withoutPassword(QStringLiteral("not a url :pw@"), nullptr).isEmpty());
    }

  private:
    QTemporaryDir config_;
};

QTEST_MAIN(TestStreamSettings)
#include "test_stream_settings.moc"
