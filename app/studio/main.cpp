// liveml-studio: draw a digit, see it predicted live. Command line: see --help.
#include <QApplication>
#include <QLocale>

#include <memory>

#ifdef LIVEML_STUDIO_STREAM
#include "feedback_demo.hpp"
#endif
#include "language_manager.hpp"
#include "main_window.hpp"
#include "scripted_run.hpp"
#include "studio_options.hpp"
#include "studio_style.hpp"

int main(int argc, char** argv) {
    using namespace liveml::studio;
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("liveml-studio"));
    QApplication::setApplicationDisplayName(QStringLiteral("LiveML Studio"));
    QApplication::setOrganizationName(QStringLiteral("liveml"));
    QApplication::setApplicationVersion(QStringLiteral(LIVEML_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.liveml.Studio"));

    const ParsedOptions parsed = parseStudioOptions(QApplication::arguments());
    if (!parsed.options) return parsed.exitCode;
    const StudioOptions& options = *parsed.options;

    Theme theme = savedTheme();
    if (!options.theme.isEmpty()) parseTheme(options.theme, theme);
    applyStudioStyle(app, theme);
    LanguageManager languages;
    const QString language = options.language.isEmpty()
                                 ? LanguageManager::codeForLocale(QLocale::system())
                                 : options.language;
    if (!languages.setLanguage(language) && !languages.setLanguage(QStringLiteral("en")))
        qWarning("liveml-studio: no translation for %s; using the source text",
                 qPrintable(language));

    MainWindow window(languages);
    window.show();
    std::unique_ptr<ScriptedRun> runner;
    if (options.quitAfterMs >= 0 || !options.screenshotPath.isEmpty() || options.demoDigit)
        runner = std::make_unique<ScriptedRun>(window, options);
    window.start(options.modelPath);
    // A first run (nothing configured) shows data flowing at once, as --demo does.
    const bool demo =
        options.demo || (options.demoUnlessConfigured && !MainWindow::hasSavedCluster());
    if (demo && !window.startDemo(options.showMessages) && options.demo)
        qWarning("liveml-studio: --demo and --feedback-demo need a build with LIVEML_STREAM=ON");
    // After the demo, which opens the Stream page: a page asked for by name wins.
    if (!options.page.isEmpty() && !window.showPageNamed(options.page))
        qWarning("liveml-studio: this build has no %s page", qPrintable(options.page));
#ifdef LIVEML_STUDIO_STREAM
    std::unique_ptr<FeedbackDemo> feedbackDemo;
    if (!options.feedbackDemoDir.isEmpty())
        feedbackDemo = std::make_unique<FeedbackDemo>(window, options.feedbackDemoDir);
#endif
    return QApplication::exec();
}
