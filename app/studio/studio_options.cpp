#include "studio_options.hpp"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>

#include <cstdio>

#include "language_manager.hpp"
#include "studio_style.hpp"

namespace liveml::studio {

namespace {

void fail(const QString& message) {
    std::fprintf(stderr, "liveml-studio: %s\n", qPrintable(message));
}

// A whole non-negative integer within [low, high], or nullopt.
std::optional<int> boundedInt(const QString& text, int low, int high) {
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < low || value > high) return std::nullopt;
    return value;
}

} // namespace

ParsedOptions parseStudioOptions(const QStringList& arguments) {
    QCommandLineParser parser;
    // The command line stays English: it is parsed before any translation is installed.
    parser.setApplicationDescription(
        QStringLiteral("Draw a digit and watch an online learner predict it live."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption screenshot(
        "screenshot",
        "Render the window to FILE.png once the model is ready (after --quit-after-ms), then quit. "
        "Exit code 1 if the file cannot be written.",
        "FILE.png");
    const QCommandLineOption quitAfter("quit-after-ms",
                                       "Quit N milliseconds after the model is ready.", "N");
    const QCommandLineOption model("model", "Answer with this model file instead of the default.",
                                   "FILE");
    const QCommandLineOption demo("draw-demo", "Draw a scripted DIGIT (0-9) on the canvas.",
                                  "DIGIT");
    const QCommandLineOption lang("lang", "User interface language: en or zh_CN.", "LANG");
    const QCommandLineOption streamDemo(
        "demo", "Start local stream mode (broker, Redis, trainer, producer) on the Stream page.");
    const QCommandLineOption firstRunDemo(
        "demo-unless-configured",
        "Like --demo, but only while no cluster is saved in the settings (a first run). "
        "`make run` passes it.");
    const QCommandLineOption showMessages(
        "show-messages", "With --demo: show the Stream page's message tail, not the dashboard.");
    const QCommandLineOption feedbackDemo(
        "feedback-demo",
        "Local stream mode, then act out the feedback loop: draw a user's 7 the model misreads, "
        "correct it a few times, wait for the reloaded model to read it; screenshots of the "
        "Draw page before and after and of the dashboard go to DIR. Exit code 3 if the model "
        "did not adapt in time.",
        "DIR");
    const QCommandLineOption page("page", "Open on this page: draw, stream or experiments.",
                                  "PAGE");
    const QCommandLineOption theme(
        "theme", "dark or light (default: the theme last chosen in View > Theme, else dark).",
        "THEME");
    parser.addOptions({screenshot, quitAfter, model, demo, lang, streamDemo, firstRunDemo,
                       showMessages, feedbackDemo, page, theme});

    ParsedOptions parsed;
    if (!parser.parse(arguments)) {
        fail(parser.errorText());
        parsed.exitCode = kExitUsage;
        return parsed;
    }
    if (parser.isSet(help)) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        std::fputs("\nExit codes: 0 success, 1 screenshot not written, 2 invalid command line, "
                   "3 --feedback-demo: the model did not adapt in time.\n",
                   stdout);
        return parsed;
    }
    if (parser.isSet(version)) {
        std::printf("%s %s\n", qPrintable(QCoreApplication::applicationName()),
                    qPrintable(QCoreApplication::applicationVersion()));
        return parsed;
    }
    if (!parser.positionalArguments().isEmpty()) {
        fail(QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().front()));
        parsed.exitCode = kExitUsage;
        return parsed;
    }

    StudioOptions options;
    options.screenshotPath = parser.value(screenshot);
    options.modelPath = parser.value(model);
    if (parser.isSet(screenshot) && options.screenshotPath.isEmpty()) {
        fail(QStringLiteral("--screenshot needs a file name"));
        parsed.exitCode = kExitUsage;
        return parsed;
    }
    if (parser.isSet(quitAfter)) {
        const auto ms = boundedInt(parser.value(quitAfter), 0, 24 * 3600 * 1000);
        if (!ms) {
            fail(QStringLiteral("--quit-after-ms needs a whole number of milliseconds, got '%1'")
                     .arg(parser.value(quitAfter)));
            parsed.exitCode = kExitUsage;
            return parsed;
        }
        options.quitAfterMs = *ms;
    }
    if (parser.isSet(demo)) {
        options.demoDigit = boundedInt(parser.value(demo), 0, 9);
        if (!options.demoDigit) {
            fail(QStringLiteral("--draw-demo needs a digit 0-9, got '%1'").arg(parser.value(demo)));
            parsed.exitCode = kExitUsage;
            return parsed;
        }
    }
    if (parser.isSet(lang)) {
        options.language = parser.value(lang);
        if (!LanguageManager::isSupported(options.language)) {
            fail(QStringLiteral("--lang must be one of: %1")
                     .arg(LanguageManager::supportedCodes().join(QStringLiteral(", "))));
            parsed.exitCode = kExitUsage;
            return parsed;
        }
    }
    if (parser.isSet(feedbackDemo)) {
        options.feedbackDemoDir = parser.value(feedbackDemo);
        if (!QFileInfo(options.feedbackDemoDir).isDir()) {
            fail(QStringLiteral("--feedback-demo needs an existing folder, got '%1'")
                     .arg(options.feedbackDemoDir));
            parsed.exitCode = kExitUsage;
            return parsed;
        }
    }
    if (parser.isSet(page)) {
        options.page = parser.value(page);
        const QStringList pages{QStringLiteral("draw"), QStringLiteral("stream"),
                                QStringLiteral("experiments")};
        if (!pages.contains(options.page)) {
            fail(QStringLiteral("--page must be one of: %1").arg(pages.join(QStringLiteral(", "))));
            parsed.exitCode = kExitUsage;
            return parsed;
        }
    }
    if (parser.isSet(theme)) {
        options.theme = parser.value(theme);
        Theme parsedTheme;
        if (!parseTheme(options.theme, parsedTheme)) {
            fail(QStringLiteral("--theme must be dark or light, got '%1'").arg(options.theme));
            parsed.exitCode = kExitUsage;
            return parsed;
        }
    }
    options.demo = parser.isSet(streamDemo) || parser.isSet(feedbackDemo);
    options.demoUnlessConfigured = parser.isSet(firstRunDemo);
    options.showMessages = parser.isSet(showMessages);
    parsed.options = options;
    return parsed;
}

} // namespace liveml::studio
