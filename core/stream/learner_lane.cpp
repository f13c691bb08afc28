#include "stream/learner_lane.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <stdexcept>

#include "drift/ddm.hpp"
#include "drift/detector_state.hpp"
#include "drift/page_hinkley.hpp"
#include "online/model_file.hpp"

namespace liveml::stream {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// "drift_state" text: this word, the format version, the lane's flag, then the detectors.
constexpr std::string_view kStateMagic = "liveml-drift-state";
constexpr std::uint64_t kStateVersion = 1;

} // namespace

const std::vector<std::string>& drift_detector_names() {
    static const std::vector<std::string> names{"adwin", "ddm", "page_hinkley"};
    return names;
}

std::unique_ptr<drift::DriftDetector> make_drift_detector(const DriftWatch& watch) {
    if (watch.detector == "adwin") return std::make_unique<drift::Adwin>(watch.adwin_delta);
    if (watch.detector == "ddm") return std::make_unique<drift::Ddm>();
    if (watch.detector == "page_hinkley") return std::make_unique<drift::PageHinkley>();
    throw std::invalid_argument("unknown drift detector '" + watch.detector +
                                "' (known: adwin, ddm, page_hinkley)");
}

std::unique_ptr<drift::DriftDetector> make_warning_detector(const DriftWatch& watch) {
    if (watch.reaction != DriftReaction::kBackground || watch.detector == "ddm") return nullptr;
    DriftWatch sensitive = watch;
    sensitive.adwin_delta = std::min(0.5, watch.adwin_delta * 5.0);
    if (watch.detector == "page_hinkley") {
        drift::PageHinkleyParams params;
        params.threshold /= 2.0;
        return std::make_unique<drift::PageHinkley>(params);
    }
    return make_drift_detector(sensitive);
}

LearnerLane::LearnerLane(std::string model_key, Factory fresh, DriftWatch watch)
    : key_(std::move(model_key)), fresh_(std::move(fresh)), watch_(std::move(watch)),
      detector_(make_drift_detector(watch_)),
      adwin_(dynamic_cast<const drift::Adwin*>(detector_.get())),
      warning_detector_(make_warning_detector(watch_)),
      warning_adwin_(dynamic_cast<const drift::Adwin*>(warning_detector_.get())) {
    replace(fresh_());
}

void LearnerLane::replace(std::unique_ptr<online::OnlineClassifier> model) {
    step_.reset(); // it refers to the old model
    model_ = std::move(model);
    step_.emplace(*model_);
}

void LearnerLane::resume(std::unique_ptr<online::OnlineClassifier> model,
                         std::string committed_bytes) {
    replace(std::move(model));
    committed_bytes_ = std::move(committed_bytes);
}

void LearnerLane::roll_back() {
    background_.reset();
    replace(committed_bytes_.empty() ? fresh_()
                                     : online::deserialize_learner(committed_bytes_).model);
}

PrequentialOutcome LearnerLane::learn(const DigitRecord& record, std::uint64_t position,
                                      std::vector<DriftEvent>& events) {
    const bool timed = total_ % kTimedEvery == 0;
    const auto begin = timed ? Clock::now() : Clock::time_point{};
    const PrequentialOutcome outcome = step_->learn(record);
    const bool correct = outcome.predicted_before == record.label;
    if (const auto proba = step_->proba_before(); !proba.empty())
        interval_.add(proba, outcome.label_index);
    else
        interval_.add(correct);
    ++total_;
    total_correct_ += correct;
    interval_correct_ += correct;

    const std::uint8_t error = correct ? 0 : 1;
    detector_->update(error);
    // ADWIN detects a fall of the error rate as readily as a rise: the two sides of the cut
    // it found tell them apart. DDM and Page-Hinkley detect rises only.
    const bool drift = detector_->drift_detected() && (!adwin_ || adwin_->rise());
    bool warning_signal = false;
    if (warning_detector_) {
        warning_detector_->update(error);
        warning_signal =
            warning_detector_->drift_detected() && (!warning_adwin_ || warning_adwin_->rise());
    }
    const bool new_warning =
        !drift && ((detector_->warning_detected() && !in_warning_) || warning_signal);
    const bool zone_left = in_warning_ && !detector_->warning_detected();
    in_warning_ = !drift && detector_->warning_detected();
    if (drift || new_warning) {
        if (interval_events_ < kMaxEventsPerInterval)
            events.push_back({std::string(model_->kind()), watch_.detector,
                              drift ? "drift" : "warning", position});
        ++interval_events_;
    }
    if (watch_.reaction == DriftReaction::kBackground) {
        if (background_) background_->partial_fit(digits::to_doubles(record.x), record.label);
        if (drift) {
            replace(background_ ? std::move(background_) : fresh_());
            ++resets_;
        } else if (new_warning) {
            background_ = fresh_(); // a newer warning starts it anew
        } else if (zone_left && !warning_detector_) {
            background_.reset(); // DDM's warning passed without a drift
        }
    } else if (drift && watch_.reaction == DriftReaction::kReset) {
        replace(fresh_());
        ++resets_;
    }
    if (timed) {
        interval_compute_ += Clock::now() - begin;
        ++interval_timed_;
    }
    ++interval_records_;
    return outcome;
}

std::string LearnerLane::drift_state() const {
    drift::StateWriter out;
    out.word(kStateMagic);
    out.count(kStateVersion);
    out.count(in_warning_);
    detector_->write_state(out);
    out.count(warning_detector_ != nullptr);
    if (warning_detector_) warning_detector_->write_state(out);
    return out.text();
}

void LearnerLane::restore_drift_state(std::string_view state) {
    drift::StateReader in(state);
    in.expect(kStateMagic, "the format name");
    if (const auto version = in.count("the format version", UINT64_MAX); version != kStateVersion)
        throw drift::DetectorStateError("drift state format version " + std::to_string(version) +
                                        " is not " + std::to_string(kStateVersion));
    const bool in_warning = in.flag("the warning zone flag");
    // Read into fresh detectors, so a bad state leaves this lane's as they were.
    auto detector = make_drift_detector(watch_);
    detector->read_state(in);
    auto warning_detector = make_warning_detector(watch_);
    if (in.flag("the warning detector flag") != (warning_detector != nullptr))
        throw drift::DetectorStateError("drift state is for another --on-drift reaction");
    if (warning_detector) warning_detector->read_state(in);
    in.expect_end();
    detector_ = std::move(detector);
    adwin_ = dynamic_cast<const drift::Adwin*>(detector_.get());
    warning_detector_ = std::move(warning_detector);
    warning_adwin_ = dynamic_cast<const drift::Adwin*>(warning_detector_.get());
    in_warning_ = in_warning;
}

LearnerReport LearnerLane::report() {
    LearnerReport out;
    out.name = std::string(model_->kind());
    out.accuracy = interval_records_ ? double(interval_correct_) / double(interval_records_) : kNaN;
    out.prequential_accuracy = total_ ? double(total_correct_) / double(total_) : kNaN;
    out.log_loss = interval_.log_loss();
    out.brier = interval_.brier_score();
    out.ece = interval_.expected_calibration_error();
    const double seconds = std::chrono::duration<double>(interval_compute_).count();
    out.records_per_s = seconds > 0 ? double(interval_timed_) / seconds : kNaN;
    out.samples_seen = model_->samples_seen();
    out.resets = resets_;
    interval_ = {};
    interval_compute_ = {};
    interval_timed_ = 0;
    interval_records_ = 0;
    interval_correct_ = 0;
    interval_events_ = 0;
    return out;
}

} // namespace liveml::stream
