#include "dashboard/frame_budget.hpp"

#include <algorithm>

namespace liveml::dashboard {

FrameBudget& FrameBudget::gui() {
    // Only the GUI thread draws widgets, so one unsynchronised instance serves every chart.
    static FrameBudget budget;
    return budget;
}

FrameBudget::FrameBudget() {
    clock_.start();
}

bool FrameBudget::allows() {
    const double now = clock_.nsecsElapsed() / 1e6;
    creditMs_ = std::min(kMaxCreditMs, creditMs_ + (now - lastMs_) * kShare);
    lastMs_ = now;
    return creditMs_ > 0;
}

} // namespace liveml::dashboard
