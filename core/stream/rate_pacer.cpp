#include "stream/rate_pacer.hpp"

#include <algorithm>
#include <cmath>

namespace liveml::stream {

RatePacer::RatePacer(double rate, Clock::time_point start)
    : rate_(rate), capacity_(std::max(1.0, rate / 10.0)), tokens_(1.0), last_(start) {}

void RatePacer::refill(Clock::time_point now) {
    const double elapsed = std::chrono::duration<double>(now - last_).count();
    if (elapsed > 0) {
        tokens_ = std::min(capacity_, tokens_ + elapsed * rate_);
        last_ = now;
    }
}

std::uint64_t RatePacer::take(std::uint64_t wanted, Clock::time_point now) {
    if (rate_ <= 0) return wanted;
    refill(now);
    const auto granted = std::min<std::uint64_t>(wanted, static_cast<std::uint64_t>(tokens_));
    tokens_ -= static_cast<double>(granted);
    return granted;
}

RatePacer::Clock::duration RatePacer::until_next(Clock::time_point now) const {
    if (rate_ <= 0) return Clock::duration::zero();
    const double elapsed = std::chrono::duration<double>(now - last_).count();
    const double missing = 1.0 - (tokens_ + elapsed * rate_);
    if (missing <= 0) return Clock::duration::zero();
    return std::chrono::duration_cast<Clock::duration>(
        std::chrono::duration<double>(missing / rate_));
}

} // namespace liveml::stream
