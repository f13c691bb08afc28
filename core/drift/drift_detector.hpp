#pragma once
// A change detector fed one value at a time, typically a learner's 0/1 error stream.
// Semantics follow River's detectors (river.drift): after update(), drift_detected() says
// whether THIS value completed a detection; the next update() starts from a fresh state.

namespace liveml::drift {

class DriftDetector {
  public:
    virtual ~DriftDetector() = default;
    virtual void update(double x) = 0;
    bool drift_detected() const noexcept { return drift_; }
    // Only DDM has a warning zone; the others always answer false.
    bool warning_detected() const noexcept { return warning_; }

  protected:
    bool drift_ = false;
    bool warning_ = false;
};

} // namespace liveml::drift
