#pragma once
#include <QString>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QWidget;

namespace liveml::guitest {

// The Stream page's cluster form, its widgets found by object name and used as a user would.
// A missing widget is fatal: the page changed and the tests must follow.
struct StreamPageForm {
    explicit StreamPageForm(QWidget& page);

    // Fills in every field and presses Connect (after Disconnect, when connected). Returns the
    // error shown under the form, empty when the settings were accepted.
    QString connectWith(const QString& bootstrap, const QString& properties,
                        const QString& redisUrl, const QString& password);
    bool isConnected() const; // the button offers to disconnect
    void disconnect();

    QLineEdit* bootstrap;
    QPlainTextEdit* properties;
    QLineEdit* redisUrl;
    QLineEdit* password;
    QLabel* secretsNote;
    QPushButton* connectButton;
    QLabel* connectError;
};

} // namespace liveml::guitest
