#pragma once
#include <QLocale>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTranslator>

namespace liveml::studio {

// Switches the user interface language at run time. Translations are compiled into the
// binary (qt_add_translations); widgets retranslate on QEvent::LanguageChange.
class LanguageManager : public QObject {
    Q_OBJECT
  public:
    struct Language {
        QString code;       // "en", "zh_CN"
        QString nativeName; // shown in the View ▸ Language menu, never translated
    };

    explicit LanguageManager(QObject* parent = nullptr);

    static QList<Language> languages();
    static QStringList supportedCodes();
    static bool isSupported(const QString& code);
    // The supported language closest to the locale's (Simplified Chinese for zh-CN, zh-Hans,
    // zh-SG), English otherwise.
    static QString codeForLocale(const QLocale& locale);

    // Returns false (keeping the current language) if code is unknown or its catalogue is
    // missing.
    bool setLanguage(const QString& code);
    QString language() const { return current_; }

  signals:
    void languageChanged(const QString& code);

  private:
    QTranslator studio_;
    QTranslator qtBase_; // Qt's own strings (dialog buttons), when Debian ships them
    QString current_;    // none until the first setLanguage installs a catalogue
};

} // namespace liveml::studio
