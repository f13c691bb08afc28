#pragma once
#include <chrono>

namespace liveml::testing {

// A clock the test moves by hand, for code that takes its time points as arguments (the
// trainer's metrics, the rate pacer): time passes only when advance() says so, so the result
// does not depend on how fast or loaded the machine is. Starts at the epoch of Clock.
template <class Clock = std::chrono::steady_clock> class ManualClock {
  public:
    using time_point = typename Clock::time_point;
    using duration = typename Clock::duration;

    time_point now() const noexcept { return now_; }
    time_point advance(duration by) noexcept { return now_ += by; }

  private:
    time_point now_{};
};

} // namespace liveml::testing
