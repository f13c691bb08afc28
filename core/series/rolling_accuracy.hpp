#pragma once
#include <cstddef>
#include <vector>

namespace liveml::series {

// Share of correct predictions over the last N outcomes; N can change at any time (the
// dashboard's "rolling accuracy, N selectable"), keeping as much history as the new N uses.
class RollingAccuracy {
  public:
    static constexpr std::size_t kMaxWindow = 100'000;

    explicit RollingAccuracy(std::size_t window);

    void push(bool correct);
    void setWindow(std::size_t window);
    std::size_t window() const noexcept { return window_; }
    std::size_t count() const noexcept { return filled_; }
    // NaN before the first outcome.
    double value() const noexcept;

  private:
    std::vector<unsigned char> history_; // the last kMaxWindow outcomes, circular
    std::size_t next_ = 0;
    std::size_t filled_ = 0; // outcomes inside the window
    std::size_t total_ = 0;  // outcomes ever pushed, up to kMaxWindow
    std::size_t correct_ = 0;
    std::size_t window_;
};

} // namespace liveml::series
