#include "language_manager.hpp"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>

namespace liveml::studio {

LanguageManager::LanguageManager(QObject* parent) : QObject(parent) {}

QList<LanguageManager::Language> LanguageManager::languages() {
    return {{QStringLiteral("en"), QStringLiteral("English")},
            {QStringLiteral("zh_CN"), QStringLiteral("简体中文")}};
}

QStringList LanguageManager::supportedCodes() {
    QStringList codes;
    for (const Language& language : languages())
        codes << language.code;
    return codes;
}

bool LanguageManager::isSupported(const QString& code) {
    return supportedCodes().contains(code);
}

QString LanguageManager::codeForLocale(const QLocale& locale) {
    const bool simplifiedChinese =
        locale.language() == QLocale::Chinese && locale.script() != QLocale::TraditionalHanScript &&
        locale.territory() != QLocale::Taiwan && locale.territory() != QLocale::HongKong &&
        locale.territory() != QLocale::Macao;
    return simplifiedChinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
}

bool LanguageManager::setLanguage(const QString& code) {
    if (!isSupported(code)) return false;
    if (code == current_) return true;

    QCoreApplication::removeTranslator(&studio_);
    QCoreApplication::removeTranslator(&qtBase_);
    // Even English has a catalogue: the source text cannot say "1 record" and "2 records".
    if (!studio_.load(QStringLiteral(":/i18n/liveml_studio_%1.qm").arg(code))) return false;
    if (code != QStringLiteral("en") &&
        qtBase_.load(QStringLiteral("qtbase_%1").arg(code),
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&qtBase_);
    QCoreApplication::installTranslator(&studio_);
    QLocale::setDefault(QLocale(code));
    current_ = code;
    emit languageChanged(code);
    return true;
}

} // namespace liveml::studio
