#pragma once
#include <QElapsedTimer>

namespace liveml::dashboard {

// Caps the share of the GUI thread's time that chart redraws may take, so input events and
// other widgets never queue behind back-to-back frames: when frames get expensive (a loaded
// machine, a huge window, many charts) the frame rate drops, not the responsiveness. A leaky
// bucket: credit refills at `share` ms per ms of wall time up to one frame interval, and each
// redraw spends what it took. One budget per GUI thread, shared by all its charts.
class FrameBudget {
  public:
    static constexpr double kShare = 0.5;
    static constexpr double kMaxCreditMs = 33;

    FrameBudget();
    static FrameBudget& gui();

    // True while there is credit left for a redraw.
    bool allows();
    void spend(double milliseconds) { creditMs_ -= milliseconds; }

  private:
    QElapsedTimer clock_;
    double lastMs_ = 0;
    double creditMs_ = kMaxCreditMs;
};

} // namespace liveml::dashboard
