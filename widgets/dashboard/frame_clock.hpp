#pragma once
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace liveml::dashboard {

// The one frame timer of a view of charts (PlotJuggler's pattern): each tick the view copies
// what arrived since the last tick (once, under each series' own lock) and redraws the charts
// in sight, instead of every chart running a timer of its own. Frames start every
// kFrameIntervalMs while they take less than that. A longer frame is followed by an idle
// stretch as long as its overrun (frame time minus the interval), so the frame rate falls
// smoothly as frames get dearer (no cliff just past the interval) and redraws never take more
// than about half of the GUI thread once frames are slow: input events do not queue behind
// back-to-back frames.
class FrameClock : public QObject {
    Q_OBJECT
  public:
    // 40 frames/s when frames are cheap: fluid, and frames of up to ~29 ms still keep the
    // dashboard at 30 frames/s or more (an interval of 33 ms would leave no margin above 30).
    static constexpr int kFrameIntervalMs = 25;
    // Even after a frame of almost kFrameIntervalMs the GUI thread gets this long for input.
    static constexpr int kMinIdleMs = 4;

    explicit FrameClock(QObject* parent = nullptr);

    // Milliseconds between the end of the last frame and the start of the next.
    int nextDelayMs() const noexcept { return timer_.interval(); }

  signals:
    // Refresh now; handlers run on the GUI thread, and their time counts as the frame's.
    void frame();

  private:
    void onTimeout();

    QTimer timer_;
};

} // namespace liveml::dashboard
