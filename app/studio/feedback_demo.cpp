#include "feedback_demo.hpp"

#include <QCoreApplication>
#include <QImageWriter>
#include <QPushButton>
#include <QSpinBox>

#include <cstdio>

#include "draw_page.hpp"
#include "drawing_canvas.hpp"
#include "main_window.hpp"
#include "prediction_service.hpp"
#include "stream_page.hpp"
#include "streamui/feedback_bar.hpp"
#include "studio_options.hpp"
#include "user_handwriting.hpp"

namespace liveml::studio {

namespace {
constexpr int kSeven = 7;
// Enough for the trainer to read plainly written digits well (two passes over the set).
constexpr quint64 kWarmSamples = 4000;
constexpr int kPollMs = 50;
constexpr qint64 kStartMs = 120000;   // broker, Redis, trainer, then kWarmSamples records
constexpr qint64 kReloadMs = 3000;    // the trainer's next checkpoint, reloaded and re-predicted
constexpr qint64 kPauseMs = 300;      // between a user's actions
constexpr qint64 kDashboardMs = 2500; // two metrics records and a few redraws

double probabilityOf(const widgets::Prediction& prediction, int label) {
    for (std::size_t i = 0; i < prediction.classes.size(); ++i)
        if (prediction.classes[i] == label) return prediction.probabilities[i];
    return 0.0;
}
} // namespace

FeedbackDemo::FeedbackDemo(MainWindow& window, const QString& outputDir, QObject* parent)
    : QObject(parent), window_(window), outputDir_(outputDir) {
    connect(&window_.predictionService(), &widgets::PredictionService::predictionReady, this,
            [this](const widgets::Prediction& p) { last_ = p; });

    // The producer keeps running: the corrections compete with its records, as in the demo.
    // The stream's SGD model answers (the canvas preset would by default): it is the one the
    // corrections teach through the stream.
    addStep([this] { return streamModelReady(); },
            [this] {
                window_.modelShelf().select(widgets::ModelShelf::kSgd);
                window_.showPage(window_.drawPage());
            },
            kStartMs);
    addStep([this] { return stepClock_.elapsed() >= kPauseMs; }, [this] { draw(userSeven(0)); });
    addStep([this] { return answerShown() && stepClock_.elapsed() >= kPauseMs; },
            [this] {
                before_ = last_;
                versionBefore_ = modelVersion();
                samplesBefore_ = samplesSeen();
                if (!saveScreenshot(QStringLiteral("studio-adapt-before.png"))) return;
                adaptClock_.start();
                queueCorrection();
            });
    addStep([this] { return stepClock_.elapsed() >= kDashboardMs; },
            [this] {
                if (saveScreenshot(QStringLiteral("studio-adapt-dashboard.png"))) finish(kExitOk);
            });

    poller_.setInterval(kPollMs);
    connect(&poller_, &QTimer::timeout, this, &FeedbackDemo::poll);
    stepClock_.start();
    poller_.start();
}

void FeedbackDemo::queueCorrection() {
    // Each correction is a fresh drawing by the same hand, labelled with the feedback bar; then
    // the user draws the 7 they started with again and watches the canvas, which re-predicts
    // by itself when the trainer's next model is reloaded.
    const QList<Step> correction{
        {[this] { return stepClock_.elapsed() >= kPauseMs; },
         [this] { draw(userSeven(sent_ + 1)); }, kStepMs},
        {[this] { return answerShown(); },
         [this] {
             window_.streamPage()->feedbackBar()->labelButton(kSeven)->click();
             ++sent_;
         },
         kStepMs},
        {[this] { return stepClock_.elapsed() >= kPauseMs; }, [this] { draw(userSeven(0)); },
         kStepMs},
        {[this] {
             return (answerShown() && last_.label == kSeven) || stepClock_.elapsed() >= kReloadMs;
         },
         [this] {
             if (answerShown() && last_.label == kSeven)
                 reportAdapted();
             else if (sent_ < kMaxCorrections)
                 queueCorrection();
             else
                 fail(QStringLiteral("still not a 7 after %1 corrections").arg(sent_));
         },
         kStepMs},
    };
    for (auto step = correction.crbegin(); step != correction.crend(); ++step)
        steps_.insert(0, *step);
}

void FeedbackDemo::reportAdapted() {
    const double seconds = adaptClock_.elapsed() / 1000.0;
    std::printf("feedback demo: before: model version %lld (%llu samples) read the user's 7 as "
                "%d, p(7) = %.3f\n",
                versionBefore_, samplesBefore_, before_.label, probabilityOf(before_, kSeven));
    std::printf("feedback demo: after %d corrections (%d records each) and %.1f s, producer "
                "running: model version %lld (%llu samples) reads it as %d, p(7) = %.3f\n",
                sent_, window_.streamPage()->feedbackBar()->copiesBox()->value(), seconds,
                modelVersion(), samplesSeen(), last_.label, probabilityOf(last_, kSeven));
    std::fflush(stdout);
    if (!saveScreenshot(QStringLiteral("studio-adapt-after.png"))) return;
    window_.showPage(window_.streamPage());
}

void FeedbackDemo::addStep(std::function<bool()> ready, std::function<void()> run,
                           qint64 timeoutMs) {
    steps_.append({std::move(ready), std::move(run), timeoutMs});
}

void FeedbackDemo::poll() {
    if (steps_.isEmpty()) return;
    const Step& next = steps_.front();
    if (!next.ready()) {
        if (stepClock_.elapsed() > next.timeoutMs)
            fail(QStringLiteral("%1 steps before the end, nothing happened for %2 s (the "
                                "pipeline did not start, or the model did not adapt)")
                     .arg(steps_.size())
                     .arg(next.timeoutMs / 1000));
        return;
    }
    const Step step = steps_.takeFirst();
    stepClock_.restart();
    step.run();
}

void FeedbackDemo::fail(const QString& why) {
    std::fprintf(stderr, "liveml-studio: feedback demo: %s\n", qPrintable(why));
    finish(kExitNotAdapted);
}

void FeedbackDemo::finish(int exitCode) {
    poller_.stop();
    steps_.clear();
    QCoreApplication::exit(exitCode);
}

bool FeedbackDemo::streamModelReady() const {
    const widgets::LoadedModel* model = window_.modelShelf().model(widgets::ModelShelf::kSgd);
    return model && model->origin == widgets::ModelOrigin::Stream &&
           model->classifier->samples_seen() >= kWarmSamples;
}

bool FeedbackDemo::answerShown() const {
    return window_.predictionService().isIdle() && last_.hasResult();
}

void FeedbackDemo::draw(const widgets::Drawing& drawing) {
    widgets::DrawingCanvas& canvas = *window_.drawPage()->canvas();
    canvas.clear();
    last_ = {};
    for (const widgets::Stroke& stroke : drawing)
        canvas.addStroke(stroke);
}

bool FeedbackDemo::saveScreenshot(const QString& name) {
    // Let queued repaints (the probability chart's replot) land first.
    for (int round = 0; round < 3; ++round)
        QCoreApplication::processEvents();
    const QString path = outputDir_.filePath(name);
    QImageWriter writer(path, "png");
    if (writer.write(window_.grab().toImage())) return true;
    std::fprintf(stderr, "liveml-studio: cannot write screenshot %s: %s\n", qPrintable(path),
                 qPrintable(writer.errorString()));
    finish(kExitScreenshotFailed);
    return false;
}

qint64 FeedbackDemo::modelVersion() const {
    const auto model = window_.predictionService().model();
    return model ? model->streamVersion : 0;
}

quint64 FeedbackDemo::samplesSeen() const {
    const auto model = window_.predictionService().model();
    return model ? model->classifier->samples_seen() : 0;
}

} // namespace liveml::studio
