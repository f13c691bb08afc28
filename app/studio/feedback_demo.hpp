#pragma once
#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>

#include "prediction.hpp"
#include "stroke.hpp"

namespace liveml::studio {

class MainWindow;

// liveml-studio --feedback-demo DIR: the adaptation loop acted out for screenshots, as a
// newcomer meets it. In local mode, with the producer running at its default rate, it waits
// for the trainer's model, draws a user's "7" that the model misreads, saves the Draw page
// (studio-adapt-before.png), then, like a user, corrects a new drawing of that 7 with the
// feedback bar (its default copies per correction), draws the first one again and watches the
// canvas over the next checkpoint; it corrects again until the canvas reads a 7, then saves
// the Draw page and the Stream dashboard (studio-adapt-after.png, studio-adapt-dashboard.png).
// Prints the figures (probabilities, versions, corrections, seconds) and quits: 0 when the
// model adapted, 3 when it did not within kMaxCorrections, 1 when a screenshot could not be
// written.
class FeedbackDemo : public QObject {
    Q_OBJECT
  public:
    static constexpr int kMaxCorrections = 10;

    FeedbackDemo(MainWindow& window, const QString& outputDir, QObject* parent = nullptr);

  private:
    // One step of the script: runs once `ready` holds (polled), then moves to the next; the
    // demo fails when `ready` does not hold within timeoutMs.
    struct Step {
        std::function<bool()> ready;
        std::function<void()> run;
        qint64 timeoutMs;
    };
    static constexpr qint64 kStepMs = 10000;
    void addStep(std::function<bool()> ready, std::function<void()> run,
                 qint64 timeoutMs = kStepMs);
    void queueCorrection(); // draw a new 7, send it labelled 7, look at the first one again
    void reportAdapted();
    void poll();
    void fail(const QString& why);
    void finish(int exitCode);

    bool streamModelReady() const;
    bool answerShown() const; // the newest drawing's answer is on screen
    void draw(const widgets::Drawing& drawing);
    bool saveScreenshot(const QString& name);
    qint64 modelVersion() const;
    quint64 samplesSeen() const;

    MainWindow& window_;
    QDir outputDir_;
    QList<Step> steps_;
    QTimer poller_;
    QElapsedTimer stepClock_;
    QElapsedTimer adaptClock_;
    widgets::Prediction last_;
    widgets::Prediction before_;
    qint64 versionBefore_ = 0;
    quint64 samplesBefore_ = 0;
    int sent_ = 0;
};

} // namespace liveml::studio
