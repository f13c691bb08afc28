#pragma once
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace liveml::dashboard {

// The one frame timer of a view of charts (PlotJuggler's pattern): each tick the view copies
// what arrived since the last tick (once, under each series' own lock) and redraws the charts
// in sight, instead of every chart running a timer of its own. Frames start every
// kFrameIntervalMs while they take less than that; a longer frame is followed by an idle
// stretch as long as itself, so on a slow or loaded machine the frame rate drops (redraws take
// at most half of the GUI thread) instead of input events queueing behind back-to-back frames.
class FrameClock : public QObject {
    Q_OBJECT
  public:
    static constexpr int kFrameIntervalMs = 33;
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
