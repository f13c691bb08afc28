#include "studio_style.hpp"

#include <QApplication>
#include <QPainter>
#include <QPixmap>
#include <QPalette>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

namespace liveml::studio {

namespace {

QPalette darkPalette() {
    const QColor window(0x1f, 0x22, 0x28);
    const QColor text(0xe8, 0xea, 0xed);
    const QColor muted(0x8c, 0x93, 0x9d);
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, QColor(0x14, 0x16, 0x1a));
    p.setColor(QPalette::AlternateBase, QColor(0x2a, 0x2e, 0x35));
    p.setColor(QPalette::Text, QColor(0xf5, 0xf6, 0xf7));
    p.setColor(QPalette::PlaceholderText, muted);
    p.setColor(QPalette::Button, QColor(0x2b, 0x2f, 0x37));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7e, 0xd8));
    p.setColor(QPalette::HighlightedText, Qt::white);
    // Link doubles as the accent for the predicted digit and its bar: warm against the
    // blue bars, readable on the dark background.
    p.setColor(QPalette::Link, QColor(0xff, 0xb3, 0x47));
    p.setColor(QPalette::LinkVisited, QColor(0xe0, 0x9a, 0x3a));
    p.setColor(QPalette::ToolTipBase, QColor(0x2b, 0x2f, 0x37));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Light, QColor(0x4a, 0x50, 0x5a));
    p.setColor(QPalette::Midlight, QColor(0x3a, 0x3f, 0x47));
    p.setColor(QPalette::Mid, QColor(0x3a, 0x3f, 0x47));
    p.setColor(QPalette::Dark, QColor(0x12, 0x14, 0x17));
    p.setColor(QPalette::Shadow, Qt::black);
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x6c, 0x72, 0x7a));
    return p;
}

// Fusion's own light palette, with the accent (Link: the predicted digit, its bar) darkened to
// stay readable on white.
QPalette lightPalette(const QStyle& fusion) {
    QPalette p = fusion.standardPalette();
    p.setColor(QPalette::Link, QColor(0xc2, 0x5e, 0x00));
    p.setColor(QPalette::LinkVisited, QColor(0xa0, 0x4e, 0x00));
    p.setColor(QPalette::BrightText, QColor(0xc6, 0x28, 0x28));
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xc7));
    p.setColor(QPalette::HighlightedText, Qt::white);
    return p;
}

const QString kThemeKey = QStringLiteral("appearance/theme");

} // namespace

bool parseTheme(const QString& name, Theme& theme) {
    if (name == QLatin1String("dark")) theme = Theme::Dark;
    else if (name == QLatin1String("light")) theme = Theme::Light;
    else return false;
    return true;
}

QString themeName(Theme theme) {
    return theme == Theme::Light ? QStringLiteral("light") : QStringLiteral("dark");
}

Theme savedTheme() {
    Theme theme = Theme::Dark;
    parseTheme(QSettings().value(kThemeKey).toString(), theme);
    return theme;
}

void saveTheme(Theme theme) {
    QSettings().setValue(kThemeKey, themeName(theme));
}

QIcon tintedIcon(const QString& resource, const QColor& color) {
    const QIcon source(resource);
    QIcon out;
    for (const int size : {16, 24, 32})
        for (const qreal ratio : {1.0, 2.0}) {
            QPixmap pixmap = source.pixmap(QSize(size, size), ratio);
            QPainter painter(&pixmap);
            painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
            painter.fillRect(pixmap.rect(), color);
            painter.end();
            out.addPixmap(pixmap);
        }
    return out;
}

void applyStudioStyle(QApplication& app, Theme theme) {
    if (app.style()->name() != QLatin1String("fusion"))
        app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    app.setPalette(theme == Theme::Light ? lightPalette(*app.style()) : darkPalette());
    app.setStyleSheet(QStringLiteral(
        "QListWidget#navigation { border: none; background: palette(alternate-base);"
        "  padding-top: 8px; outline: none; }"
        "QListWidget#navigation::item { padding: 10px 12px; margin: 2px 6px; border-radius: 6px; }"
        "QListWidget#navigation::item:selected { background: palette(highlight);"
        "  color: palette(highlighted-text); }"));
}

} // namespace liveml::studio
