#pragma once
#include <QString>
#include <QStringList>

#include <optional>

namespace liveml::studio {

// Exit codes of liveml-studio.
enum ExitCode : int {
    kExitOk = 0,
    kExitScreenshotFailed = 1, // --screenshot could not be written
    kExitUsage = 2,            // invalid command line
    kExitNotAdapted = 3,       // --feedback-demo: the model did not learn the corrections in time
};

struct StudioOptions {
    QString screenshotPath;            // --screenshot FILE.png
    int quitAfterMs = -1;              // --quit-after-ms N (counted from when the model is ready)
    QString modelPath;                 // --model FILE
    std::optional<int> demoDigit;      // --draw-demo DIGIT
    QString language;                  // --lang en|zh_CN; empty: English
    bool demo = false;                 // --demo: local stream mode with the producer running
    bool demoUnlessConfigured = false; // --demo-unless-configured: --demo on a first run
    bool showMessages = false;         // --show-messages: the Stream page's message tail
    QString page;                      // --page draw|stream|experiments: the page shown first
    QString theme;                     // --theme dark|light; empty: the one saved in View → Theme
    QString feedbackDemoDir; // --feedback-demo DIR: act out the adaptation loop, screenshots
};

struct ParsedOptions {
    std::optional<StudioOptions> options; // empty: exit with exitCode (help, version, error)
    int exitCode = kExitOk;
};

// Parses and validates the command line; prints help, version or the error itself.
ParsedOptions parseStudioOptions(const QStringList& arguments);

} // namespace liveml::studio
