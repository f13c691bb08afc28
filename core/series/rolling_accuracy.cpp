#include "series/rolling_accuracy.hpp"

#include <algorithm>
#include <limits>

namespace liveml::series {

RollingAccuracy::RollingAccuracy(std::size_t window) : history_(kMaxWindow), window_(1) {
    setWindow(window);
}

void RollingAccuracy::push(bool correct) {
    // The outcome leaving the window is the one window_ places back.
    if (filled_ == window_)
        correct_ -= history_[(next_ + kMaxWindow - window_) % kMaxWindow];
    else
        ++filled_;
    history_[next_] = correct;
    correct_ += correct;
    next_ = (next_ + 1) % kMaxWindow;
    total_ = std::min(total_ + 1, kMaxWindow);
}

void RollingAccuracy::setWindow(std::size_t window) {
    window_ = std::clamp<std::size_t>(window, 1, kMaxWindow);
    filled_ = std::min(window_, total_);
    correct_ = 0;
    for (std::size_t i = 1; i <= filled_; ++i)
        correct_ += history_[(next_ + kMaxWindow - i) % kMaxWindow];
}

double RollingAccuracy::value() const noexcept {
    if (filled_ == 0) return std::numeric_limits<double>::quiet_NaN();
    return double(correct_) / double(filled_);
}

} // namespace liveml::series
