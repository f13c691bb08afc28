#pragma once
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "drift/adwin.hpp"
#include "drift/drift_detector.hpp"
#include "online/online_classifier.hpp"
#include "online/prequential_metrics.hpp"
#include "stream/digit_record.hpp"
#include "stream/learner_report.hpp"
#include "stream/prequential_learner.hpp"

namespace liveml::stream {

// What a learner does when the detector on its error stream signals a drift.
enum class DriftReaction {
    kNone,  // report it only
    kReset, // replace the learner by a fresh one of its kind (it relearns the new concept)
    // River/MOA style: a warning starts a background learner of the same kind that trains
    // alongside; the drift swaps it in (a fresh one when no warning came first). DDM's warning
    // zone is the warning (leaving the zone drops the background); ADWIN and Page-Hinkley
    // have none, so a second, more sensitive detector of the same kind gives it (ADWIN with
    // 5× the delta, at most 0.5; Page-Hinkley with half the threshold), as River's adaptive
    // random forest does.
    kBackground,
};

struct DriftWatch {
    std::string detector = "adwin"; // "adwin" | "ddm" | "page_hinkley" (River's defaults)
    double adwin_delta = 0.002;
    DriftReaction reaction = DriftReaction::kNone;
};

// The model-file metadata entry of a learner checkpoint that holds LearnerLane::drift_state().
inline constexpr const char* kDriftStateKey = "drift_state";

// The detector names DriftWatch accepts.
const std::vector<std::string>& drift_detector_names();
// Throws std::invalid_argument for an unknown name or a delta outside (0, 1).
std::unique_ptr<drift::DriftDetector> make_drift_detector(const DriftWatch& watch);
// The more sensitive detector that signals warnings for DriftReaction::kBackground; null for
// DDM (its own warning zone) and for the other reactions.
std::unique_ptr<drift::DriftDetector> make_warning_detector(const DriftWatch& watch);

// One learner of the trainer: its model under its own model key, the last committed copy of it
// (for rollbacks), its scores and the drift detector on its 0/1 prequential errors.
class LearnerLane {
  public:
    using Clock = std::chrono::steady_clock;
    using Factory = std::function<std::unique_ptr<online::OnlineClassifier>()>;
    // At most this many drift events per metrics interval (a detector gone wild cannot grow
    // the record without bound); more are counted in drift_events_dropped().
    static constexpr std::size_t kMaxEventsPerInterval = 64;

    // `fresh` builds the learner anew (a new model, a rollback to nothing, a reset).
    LearnerLane(std::string model_key, Factory fresh, DriftWatch watch);

    const std::string& model_key() const noexcept { return key_; }
    online::OnlineClassifier& model() noexcept { return *model_; }
    const online::OnlineClassifier& model() const noexcept { return *model_; }

    // Replaces the model (a loaded checkpoint; it is also the committed state).
    void resume(std::unique_ptr<online::OnlineClassifier> model, std::string committed_bytes);
    // Back to the committed state (a rolled-back transaction).
    void roll_back();
    // The model serialised at a commit becomes the state roll_back() returns to.
    void committed(std::string bytes) { committed_bytes_ = std::move(bytes); }

    // One record, test then train. A drift (or entering a warning zone) appends an event at
    // stream position `position` to `events` and, with DriftReaction::kReset, replaces the
    // model after it learned the record; with kBackground a warning starts the background
    // learner (it trains from the next record) and the drift swaps it in. Only a rise of the error
    // rate is a drift here: ADWIN also detects falls (a learner still learning), which are neither
    // reported nor acted on.
    PrequentialOutcome learn(const DigitRecord& record, std::uint64_t position,
                             std::vector<DriftEvent>& events);

    // Scores of the interval since the previous call (which it starts afresh).
    LearnerReport report();

    // The detectors' state (and whether DDM's warning zone was entered), versioned text for
    // the checkpoint's "drift_state" metadata; a background learner is not part of it.
    std::string drift_state() const;
    // Continues detection from drift_state()'s text. Throws drift::DetectorStateError, and
    // changes nothing, for another version, detector kind or settings, or malformed text.
    void restore_drift_state(std::string_view state);

    // Whether a background learner is training (DriftReaction::kBackground after a warning).
    bool has_background() const noexcept { return background_ != nullptr; }

  private:
    void replace(std::unique_ptr<online::OnlineClassifier> model);

    std::string key_;
    Factory fresh_;
    DriftWatch watch_;
    std::unique_ptr<online::OnlineClassifier> model_;
    std::optional<PrequentialLearner> step_;
    std::string committed_bytes_; // "" : nothing committed (roll back to a fresh model)
    std::unique_ptr<drift::DriftDetector> detector_;
    // Set when the detector is ADWIN, which is two-sided (see learn()).
    const drift::Adwin* adwin_ = nullptr;
    // DriftReaction::kBackground only: the warning detector (not for DDM) and the learner a
    // warning started. Neither is checkpointed; a rollback drops the background learner.
    std::unique_ptr<drift::DriftDetector> warning_detector_;
    const drift::Adwin* warning_adwin_ = nullptr;
    std::unique_ptr<online::OnlineClassifier> background_;
    bool in_warning_ = false;
    // Probability scores of the interval; accuracy is counted from the prequential guess
    // (for SGD the decision function's argmax, which saturated probabilities can miss).
    online::PrequentialMetrics interval_;
    std::uint64_t interval_correct_ = 0;
    std::uint64_t total_ = 0;
    std::uint64_t total_correct_ = 0;
    // The learner's own compute time, measured on every kTimedEvery-th record: a clock read
    // costs ~150 ns on a loaded VM, as much as the detector's update.
    static constexpr std::uint64_t kTimedEvery = 16;
    Clock::duration interval_compute_{};
    std::uint64_t interval_timed_ = 0;
    std::uint64_t interval_records_ = 0;
    std::uint64_t resets_ = 0;
    std::size_t interval_events_ = 0;
};

} // namespace liveml::stream
