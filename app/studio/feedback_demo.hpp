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

// liveml-studio --feedback-demo DIR: the adaptation loop acted out for screenshots. In local
// mode it waits for the trainer's model, pauses the producer, draws a user's "7" that the model
// misreads, saves the Draw page (studio-adapt-before.png), sends corrections (new drawings of
// that 7) through the feedback bar until the reloaded model reads the first one as a 7, and
// saves the Draw page and the
// Stream dashboard (studio-adapt-after.png, studio-adapt-dashboard.png). Prints the figures
// (probabilities, versions, corrections, seconds) and quits: 0 when the model adapted, 3 when
// it did not within the time allowed, 1 when a screenshot could not be written.
class FeedbackDemo : public QObject {
    Q_OBJECT
  public:
    static constexpr int kMaxCorrections = 60;

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
    void queueCorrection();    // draw a new 7, then send it labelled 7
    bool readsHeldOut() const; // the newest model reads the first drawing as a 7
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
    QImage heldOut_; // the drawing shown before and after; never sent
    qint64 versionBefore_ = 0;
    quint64 samplesBefore_ = 0;
    int sent_ = 0;
};

} // namespace liveml::studio
