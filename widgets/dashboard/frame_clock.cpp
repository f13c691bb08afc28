#include "dashboard/frame_clock.hpp"

#include <algorithm>
#include <cmath>

namespace liveml::dashboard {

FrameClock::FrameClock(QObject* parent) : QObject(parent) {
    // One shot per frame, restarted after the frame with a delay that depends on its cost.
    timer_.setSingleShot(true);
    timer_.setTimerType(Qt::PreciseTimer); // a coarse timer may fire 5% early
    connect(&timer_, &QTimer::timeout, this, &FrameClock::onTimeout);
    timer_.start(kFrameIntervalMs);
}

void FrameClock::onTimeout() {
    QElapsedTimer took;
    took.start();
    emit frame();
    const int ms = int(std::ceil(took.nsecsElapsed() / 1e6));
    timer_.start(std::max({kFrameIntervalMs - ms, kMinIdleMs, ms - kFrameIntervalMs}));
}

} // namespace liveml::dashboard
