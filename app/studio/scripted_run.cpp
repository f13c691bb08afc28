#include "scripted_run.hpp"

#include <QApplication>
#include <QImageWriter>
#include <QPixmap>

#include <cstdio>

#include "demo_digits.hpp"
#include "draw_page.hpp"
#include "drawing_canvas.hpp"
#include "main_window.hpp"

namespace liveml::studio {

namespace {
// A prediction takes well under a millisecond; this only guards against a stuck worker.
constexpr qint64 kMaxIdleWaitMs = 5000;
constexpr int kPollMs = 10;
} // namespace

ScriptedRun::ScriptedRun(MainWindow& window, StudioOptions options, QObject* parent)
    : QObject(parent), window_(window), options_(std::move(options)) {
    settleTimer_.setSingleShot(true);
    connect(&settleTimer_, &QTimer::timeout, this, &ScriptedRun::finish);
    if (window_.isModelSettled())
        modelReady();
    else
        connect(&window_, &MainWindow::modelSettled, this, &ScriptedRun::modelReady);
}

void ScriptedRun::modelReady() {
    if (options_.demoDigit) {
        for (const widgets::Stroke& stroke : widgets::demoDigit(*options_.demoDigit))
            window_.drawPage()->canvas()->addStroke(stroke);
    }
    if (options_.quitAfterMs >= 0 || !options_.screenshotPath.isEmpty())
        settleTimer_.start(std::max(options_.quitAfterMs, 0));
}

void ScriptedRun::finish() {
    if (!waitingForIdle_.isValid()) waitingForIdle_.start();
    if (!window_.predictionService().isIdle() && waitingForIdle_.elapsed() < kMaxIdleWaitMs) {
        settleTimer_.start(kPollMs);
        return;
    }
    // The last result is shown; let the chart's queued replot run before the picture.
    for (int round = 0; round < 3; ++round)
        QCoreApplication::processEvents();
    int exitCode = kExitOk;
    if (!options_.screenshotPath.isEmpty()) {
        QImageWriter writer(options_.screenshotPath, "png");
        if (!writer.write(window_.grab().toImage())) {
            std::fprintf(stderr, "liveml-studio: cannot write screenshot %s: %s\n",
                         qPrintable(options_.screenshotPath), qPrintable(writer.errorString()));
            exitCode = kExitScreenshotFailed;
        }
    }
    QCoreApplication::exit(exitCode);
}

} // namespace liveml::studio
