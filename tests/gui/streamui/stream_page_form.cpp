#include "stream_page_form.hpp"

#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>

namespace liveml::guitest {

namespace {
template <typename T> T* named(QWidget& page, const char* name) {
    T* widget = page.findChild<T*>(QString::fromLatin1(name));
    if (!widget) qFatal("the Stream page has no %s", name);
    return widget;
}
} // namespace

StreamPageForm::StreamPageForm(QWidget& page)
    : bootstrap(named<QLineEdit>(page, "bootstrapEdit")),
      properties(named<QPlainTextEdit>(page, "kafkaPropertiesEdit")),
      redisUrl(named<QLineEdit>(page, "redisUrlEdit")),
      password(named<QLineEdit>(page, "redisPasswordEdit")),
      secretsNote(named<QLabel>(page, "secretsNote")),
      connectButton(named<QPushButton>(page, "connectButton")),
      connectError(named<QLabel>(page, "connectError")) {}

QString StreamPageForm::connectWith(const QString& bootstrapServers, const QString& kafkaProperties,
                                    const QString& redis, const QString& redisPassword) {
    if (isConnected()) disconnect();
    bootstrap->setText(bootstrapServers);
    properties->setPlainText(kafkaProperties);
    redisUrl->setText(redis);
    password->setText(redisPassword);
    QTest::mouseClick(connectButton, Qt::LeftButton);
    return connectError->text();
}

bool StreamPageForm::isConnected() const {
    return connectButton->text() == QStringLiteral("Disconnect");
}

void StreamPageForm::disconnect() {
    QTest::mouseClick(connectButton, Qt::LeftButton);
}

} // namespace liveml::guitest
