#pragma once
// A change detector fed one value at a time, typically a learner's 0/1 error stream.
// Semantics follow River's detectors (river.drift): after update(), drift_detected() says
// whether THIS value completed a detection; the next update() starts from a fresh state.

namespace liveml::drift {

class StateReader;
class StateWriter;

class DriftDetector {
  public:
    virtual ~DriftDetector() = default;
    virtual void update(double x) = 0;
    // The detector's kind, its settings and its whole state (detector_state.hpp), so that a
    // detector read back continues exactly as this one would.
    virtual void write_state(StateWriter& out) const = 0;
    // Reads what write_state wrote. Throws DetectorStateError (and leaves this detector
    // unchanged) for a malformed state or one of another kind or other settings.
    virtual void read_state(StateReader& in) = 0;
    bool drift_detected() const noexcept { return drift_; }
    // Only DDM has a warning zone; the others always answer false.
    bool warning_detected() const noexcept { return warning_; }

  protected:
    bool drift_ = false;
    bool warning_ = false;
};

} // namespace liveml::drift
