#pragma once
#include <array>
#include <cstdint>
#include <deque>

#include "drift/drift_detector.hpp"

namespace liveml::drift {

// ADWIN (Bifet & Gavaldà 2007) as River implements it (river/drift/adwin.py, adwin_c.pyx):
// an exponential histogram of at most kMaxBuckets buckets per size 1, 2, 4, …; every
// kClock values (once the window holds more than kGracePeriod) every cut between buckets is
// tested — oldest first, each row's newest bucket excluded as River does — and the oldest
// bucket is dropped while a cut's means differ by more than the Hoeffding-style bound
// ε = sqrt(2·m·σ²·δ') + (2/3)·δ'·m, δ' = ln(2·ln(width)/δ), 1/m = 1/(n0−4) + 1/(n1−4).
// After a detection the next update starts from an empty window (River's reset).
class Adwin final : public DriftDetector {
  public:
    static constexpr int kMaxBuckets = 5;
    static constexpr std::uint64_t kClock = 32;
    static constexpr double kGracePeriod = 10;
    static constexpr double kMinWindowLength = 5;

    explicit Adwin(double delta = 0.002); // 0 < delta < 1, else std::invalid_argument

    void update(double x) override;
    void write_state(StateWriter& out) const override;
    void read_state(StateReader& in) override;
    double width() const noexcept { return width_; }
    double estimation() const noexcept { return width_ == 0 ? 0.0 : total_ / width_; }
    double delta() const noexcept { return delta_; }
    // After a detection: whether the newer side of the first cut found to differ has the
    // higher mean (for an error stream: the error rate rose). ADWIN is two-sided; a learner
    // still learning lowers its error, which is a detection too.
    bool rise() const noexcept { return rise_; }

  private:
    struct BucketRow {
        std::array<double, kMaxBuckets + 1> total{};
        std::array<double, kMaxBuckets + 1> variance{};
        int size = 0;
        void push(double t, double v);
        void drop_front(int n);
    };

    void reset();
    void insert(double x);
    void compress();
    double delete_oldest();
    bool detect_change();
    bool cut_differs(double n0, double n1, double delta_mean) const;

    double delta_;
    std::deque<BucketRow> rows_; // rows_[i] holds buckets of 2^i values, newest row first
    double total_ = 0.0;
    double variance_ = 0.0; // sum of squared deviations of the window
    double width_ = 0.0;
    std::uint64_t tick_ = 0;
    bool rise_ = false;
};

} // namespace liveml::drift
