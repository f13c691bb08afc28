#pragma once
#include <chrono>
#include <cstdint>

namespace liveml::stream {

// Paces a sender to `rate` records per second (0: unpaced). A token bucket whose tokens accrue
// continuously and hold at most a tenth of a second's worth, so a stalled sender catches up
// with a short burst instead of a flood.
class RatePacer {
  public:
    using Clock = std::chrono::steady_clock;

    explicit RatePacer(double rate, Clock::time_point start = Clock::now());

    // How many records may go now (at most `wanted`); they are taken from the bucket.
    std::uint64_t take(std::uint64_t wanted, Clock::time_point now = Clock::now());
    // How long until the next token, for sleeping when take() returned 0.
    Clock::duration until_next(Clock::time_point now = Clock::now()) const;

  private:
    void refill(Clock::time_point now);

    double rate_;
    double capacity_;
    double tokens_;
    Clock::time_point last_;
};

} // namespace liveml::stream
