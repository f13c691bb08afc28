// One learner of the trainer in-process: its drift detector fires soon after a staged label
// swap, a reset replaces the model, a rollback returns to the last commit, and
// the producer's drift scenarios change exactly the records they say.
#include <gtest/gtest.h>

#include <cmath>
#include <iostream>

#include "drift/detector_state.hpp"
#include "online/learner_registry.hpp"
#include "online/model_file.hpp"
#include "stream/learner_lane.hpp"
#include "stream/record_decoder.hpp"
#include "stream/record_source.hpp"

using namespace liveml;
using namespace liveml::stream;

namespace {

std::vector<int> digit_classes() {
    return {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
}

LearnerLane::Factory fresh(std::string kind) {
    return [kind] { return online::make_learner(kind, digit_classes(), digits::kFeatures); };
}

// The first `count` records `liveml produce` would send with `drift`, decoded.
std::vector<DigitRecord> produced(std::size_t count, DriftScenario drift) {
    DigitsRecordSource source(digits::load_digits_csv(digits::bundled_digits_path()), 42, drift);
    RecordDecoder decoder;
    std::vector<DigitRecord> records(count);
    for (auto& record : records)
        EXPECT_EQ(decoder.decode(source.next(), record), RecordError::None);
    return records;
}

constexpr std::uint64_t kSwapAt = 3000;

// One learner over `records`: its report on those from kSwapAt on, its drift events, and
// whether a background learner ever ran after kSwapAt.
struct AfterChange {
    LearnerReport report;
    std::vector<DriftEvent> events;
    bool had_background = false;
};

AfterChange after_change(const std::vector<DigitRecord>& records, const std::string& learner,
                         const DriftWatch& watch) {
    LearnerLane lane("key", fresh(learner), watch);
    AfterChange out;
    for (std::uint64_t i = 0; i < kSwapAt; ++i)
        lane.learn(records[i], i, out.events);
    lane.report();
    for (std::uint64_t i = kSwapAt; i < records.size(); ++i) {
        lane.learn(records[i], i, out.events);
        out.had_background = out.had_background || lane.has_background();
    }
    out.report = lane.report();
    return out;
}
// ADWIN (δ = 0.002) checks every 32 records; an error rate jumping from ~5% to ~90% shows
// within a few of its checks.
constexpr std::uint64_t kDetectionBound = 300;

} // namespace

TEST(LearnerLane, ADriftAfterALabelSwapIsReportedWithinABoundedNumberOfRecords) {
    const auto records = produced(kSwapAt + 2000, {DriftScenario::Kind::kLabelSwap, kSwapAt, 1});
    for (const std::string kind : {"sgd_classifier", "softmax_regression", "perceptron"}) {
        LearnerLane lane("key", fresh(kind), {});
        std::vector<DriftEvent> events;
        for (std::uint64_t i = 0; i < records.size(); ++i)
            lane.learn(records[i], i, events);
        ASSERT_FALSE(events.empty()) << kind;
        // A learner learning from scratch lowers its error rate, which ADWIN detects too; only
        // rises are reported, so nothing comes before the swap.
        EXPECT_GE(events.front().samples_seen, kSwapAt) << kind;
        const std::uint64_t first_after = events.front().samples_seen;
        for (const auto& e : events) {
            EXPECT_EQ(e.learner, kind);
            EXPECT_EQ(e.detector, "adwin");
            EXPECT_EQ(e.kind, "drift");
        }
        EXPECT_LE(first_after, kSwapAt + kDetectionBound) << kind;
        std::cout << kind << ": drift detected " << first_after - kSwapAt
                  << " records after the swap\n";
    }
}

TEST(LearnerLane, AResetLearnerRelearnsTheNewConceptFasterThanOneThatKeepsGoing) {
    const auto records = produced(kSwapAt + 3000, {DriftScenario::Kind::kLabelSwap, kSwapAt, 1});
    const auto kept_run =
        after_change(records, "sgd_classifier", {"adwin", 0.002, DriftReaction::kNone});
    const auto reset_run =
        after_change(records, "sgd_classifier", {"adwin", 0.002, DriftReaction::kReset});
    const std::uint64_t kept_resets = kept_run.report.resets,
                        kept_seen = kept_run.report.samples_seen;
    const std::uint64_t reset_resets = reset_run.report.resets,
                        reset_seen = reset_run.report.samples_seen;
    const double kept = kept_run.report.accuracy, reset = reset_run.report.accuracy;
    EXPECT_EQ(kept_resets, 0u);
    EXPECT_EQ(kept_seen, records.size());
    EXPECT_GE(reset_resets, 1u);
    EXPECT_LT(reset_seen, records.size() - kSwapAt) << "the model was replaced after the swap";
    EXPECT_GT(reset, kept) << "reset " << reset << " vs kept " << kept;
    std::cout << "accuracy over the 3000 records after the swap: kept " << kept << ", reset "
              << reset << '\n';
}

TEST(LearnerLane, ReportsProbabilityScoresOnlyForLearnersWithProbabilities) {
    const auto records = produced(500, {});
    LearnerLane softmax("k.softmax", fresh("softmax_regression"), {});
    LearnerLane perceptron("k.perceptron", fresh("perceptron"), {});
    std::vector<DriftEvent> events;
    for (std::uint64_t i = 0; i < records.size(); ++i) {
        softmax.learn(records[i], i, events);
        perceptron.learn(records[i], i, events);
    }
    const LearnerReport s = softmax.report();
    const LearnerReport p = perceptron.report();
    EXPECT_EQ(s.name, "softmax_regression");
    EXPECT_GT(s.accuracy, 0.6);
    EXPECT_DOUBLE_EQ(s.accuracy, s.prequential_accuracy) << "one interval since the start";
    EXPECT_GT(s.log_loss, 0.0);
    EXPECT_GT(s.brier, 0.0);
    EXPECT_LT(s.brier, 2.0);
    EXPECT_GE(s.ece, 0.0);
    EXPECT_LT(s.ece, 1.0);
    EXPECT_GT(s.records_per_s, 0.0);
    EXPECT_EQ(s.samples_seen, 500u);
    EXPECT_TRUE(std::isnan(p.log_loss));
    EXPECT_TRUE(std::isnan(p.brier));
    EXPECT_TRUE(std::isnan(p.ece));
    EXPECT_GT(p.accuracy, 0.5);
    // A new interval starts empty.
    EXPECT_TRUE(std::isnan(softmax.report().accuracy));
}

TEST(LearnerLane, ARollbackReturnsToTheLastCommit) {
    const auto records = produced(200, {});
    LearnerLane lane("k", fresh("gaussian_nb"), {});
    std::vector<DriftEvent> events;
    for (std::uint64_t i = 0; i < 100; ++i)
        lane.learn(records[i], i, events);
    lane.committed(online::serialize_model(lane.model()));
    for (std::uint64_t i = 100; i < 200; ++i)
        lane.learn(records[i], i, events);
    EXPECT_EQ(lane.model().samples_seen(), 200u);
    lane.roll_back();
    EXPECT_EQ(lane.model().samples_seen(), 100u);
    EXPECT_EQ(lane.model().kind(), "gaussian_nb");

    LearnerLane uncommitted("k", fresh("mlp"), {});
    uncommitted.learn(records[0], 0, events);
    uncommitted.roll_back();
    EXPECT_EQ(uncommitted.model().samples_seen(), 0u) << "nothing committed: a fresh learner";
}

TEST(DriftDetectorChoice, KnowsTheThreeDetectorsAndRefusesOthers) {
    for (const auto& name : drift_detector_names())
        EXPECT_NE(make_drift_detector({name, 0.002, DriftReaction::kNone}), nullptr) << name;
    EXPECT_THROW(make_drift_detector({"kswin", 0.002, DriftReaction::kNone}),
                 std::invalid_argument);
    EXPECT_THROW(make_drift_detector({"adwin", 0.0, DriftReaction::kNone}), std::invalid_argument);
}

TEST(DigitsRecordSource, EachDriftScenarioChangesExactlyTheRecordsItSays) {
    constexpr std::uint64_t kAt = 100;
    const auto plain = produced(400, {});
    const auto swapped = produced(400, {DriftScenario::Kind::kLabelSwap, kAt, 1});
    const auto sudden = produced(400, {DriftScenario::Kind::kNewWriter, kAt, 1});
    const auto gradual = produced(400, {DriftScenario::Kind::kGradualWriter, kAt, 200});
    const auto l1 = [](const DigitRecord& a, const DigitRecord& b) {
        double sum = 0;
        for (std::size_t j = 0; j < a.x.size(); ++j)
            sum += std::abs(double(a.x[j]) - double(b.x[j]));
        return sum;
    };
    double sudden_change = 0, gradual_early = 0, gradual_late = 0;
    for (std::size_t i = 0; i < plain.size(); ++i) {
        EXPECT_EQ(swapped[i].x, plain[i].x);
        EXPECT_EQ(swapped[i].label, i < kAt ? plain[i].label : plain[i].label ^ 1) << i;
        EXPECT_EQ(sudden[i].label, plain[i].label);
        EXPECT_EQ(gradual[i].label, plain[i].label);
        if (i < kAt) {
            EXPECT_EQ(sudden[i].x, plain[i].x) << i;
            EXPECT_EQ(gradual[i].x, plain[i].x) << i;
            continue;
        }
        sudden_change += l1(sudden[i], plain[i]);
        if (i < kAt + 50)
            gradual_early += l1(gradual[i], plain[i]);
        else if (i >= 300) // at full strength from kAt + 200 on
            gradual_late += l1(gradual[i], plain[i]);
    }
    EXPECT_GT(sudden_change / 300, 40.0) << "a different hand changes most blocks";
    // 50 records at ≤ 25% strength against 100 at full strength.
    EXPECT_LT(gradual_early / 50, gradual_late / 100);
    EXPECT_THROW(
        DigitsRecordSource({digits::DigitSample{}}, 1, {DriftScenario::Kind::kGradualWriter, 0, 0}),
        std::invalid_argument);
    EXPECT_EQ(drift_scenario_kind("gradual-writer"), DriftScenario::Kind::kGradualWriter);
    EXPECT_FALSE(drift_scenario_kind("sideways").has_value());
}

TEST(LearnerLane, DdmReportsEnteringItsWarningZoneOnceAndThenTheDrift) {
    const auto records = produced(kSwapAt + 2000, {DriftScenario::Kind::kLabelSwap, kSwapAt, 1});
    LearnerLane lane("key", fresh("softmax_regression"), {"ddm", 0.002, DriftReaction::kNone});
    std::vector<DriftEvent> events;
    for (std::uint64_t i = 0; i < records.size(); ++i)
        lane.learn(records[i], i, events);
    std::uint64_t warning = 0, drift = 0;
    for (const auto& e : events) {
        EXPECT_EQ(e.detector, "ddm");
        if (e.samples_seen < kSwapAt) continue;
        if (e.kind == "warning" && !warning) warning = e.samples_seen;
        if (e.kind == "drift" && !drift) drift = e.samples_seen;
    }
    std::cout << "ddm: warning " << warning - kSwapAt << ", drift " << drift - kSwapAt
              << " records after the swap (" << events.size() << " events in all)\n";
    EXPECT_GE(warning, kSwapAt);
    EXPECT_GT(drift, warning) << "the warning zone comes first";
    EXPECT_LE(drift, kSwapAt + kDetectionBound);
    // A warning is reported when the zone is entered, not on every record inside it.
    EXPECT_LT(events.size(), 20u);
}

// The studio's local demo trains sgd_classifier, softmax_regression and mlp on `liveml
// produce`'s shuffled passes with no drift, from four partitions that the trainer may read
// unevenly (a backlog is read a partition's batch at a time). Records a learner has already
// seen in another pass make its error fall unevenly; ADWIN detects such falls, and nothing
// may be reported. (Found in the demo: mlp "drifted" at ~3,800 records. The lane used to
// tell a rise from the last 32 errors against the window's mean; at a ~2 % error rate two
// errors in those 32 passed for a rise. Here: 3 partitions read 3,000 records at a time gave
// mlp at record 3,807, 4 partitions read 500 at a time sgd_classifier at 7,455.)
TEST(LearnerLane, NoDriftIsReportedOnTheDemoStreamWithoutDrift) {
    const auto sent = produced(8000, {});
    for (const std::size_t partitions : {1u, 3u, 4u})
        for (const std::size_t batch : {100u, 500u, 3000u}) {
            // Record i goes to partition i % partitions; the trainer reads `batch` records of
            // each partition in turn.
            std::vector<std::vector<DigitRecord>> queue(partitions);
            for (std::size_t i = 0; i < sent.size(); ++i)
                queue[i % partitions].push_back(sent[i]);
            std::vector<DigitRecord> read;
            std::vector<std::size_t> next(partitions, 0);
            while (read.size() < sent.size())
                for (std::size_t p = 0; p < partitions; ++p)
                    for (std::size_t b = 0; b < batch && next[p] < queue[p].size(); ++b)
                        read.push_back(queue[p][next[p]++]);
            for (const std::string kind : {"sgd_classifier", "softmax_regression", "mlp"}) {
                LearnerLane lane("key", fresh(kind), {});
                std::vector<DriftEvent> events;
                for (std::uint64_t i = 0; i < read.size(); ++i)
                    lane.learn(read[i], i, events);
                for (const auto& e : events)
                    ADD_FAILURE() << partitions << " partitions, batches of " << batch << ", "
                                  << kind << ": " << e.kind << " at record " << e.samples_seen;
            }
        }
}

// --on-drift background on the label swap: a warning starts a learner of the same kind that
// trains alongside and takes over at the drift. It must recover far faster than keeping the
// old learner, and (having started a few records earlier) at least as well as a reset. ADWIN
// tests every 32 records, its warning detector too: on a change this abrupt both fire at the
// same test, so no background learner runs before the drift and the swap-in is a reset.
TEST(LearnerLane, ABackgroundLearnerStartedAtTheWarningTakesOverAtTheDrift) {
    const auto records = produced(kSwapAt + 3000, {DriftScenario::Kind::kLabelSwap, kSwapAt, 1});
    for (const std::string detector : {"ddm", "adwin", "page_hinkley"}) {
        const auto none_run =
            after_change(records, "sgd_classifier", {detector, 0.002, DriftReaction::kNone});
        const auto reset_run =
            after_change(records, "sgd_classifier", {detector, 0.002, DriftReaction::kReset});
        const auto bg_run =
            after_change(records, "sgd_classifier", {detector, 0.002, DriftReaction::kBackground});
        const double none = none_run.report.accuracy, reset = reset_run.report.accuracy,
                     bg = bg_run.report.accuracy;
        EXPECT_FALSE(none_run.had_background || reset_run.had_background) << detector;
        EXPECT_EQ(bg_run.had_background, detector != "adwin") << detector;
        EXPECT_GE(bg_run.report.resets, 1u) << detector;
        EXPECT_GT(bg, none + 0.3) << detector;
        EXPECT_GE(bg, reset - 0.01) << detector;
        std::uint64_t warning = 0, drift = 0;
        for (const auto& e : bg_run.events) {
            if (e.samples_seen < kSwapAt) continue;
            if (e.kind == "warning" && !warning) warning = e.samples_seen;
            if (e.kind == "drift" && !drift) drift = e.samples_seen;
        }
        std::cout << detector << ": accuracy over the 3000 records after the swap: none " << none
                  << ", reset " << reset << ", background " << bg << " (first warning "
                  << (warning ? std::to_string(warning - kSwapAt) : std::string("none"))
                  << ", drift " << drift - kSwapAt << " records after the swap)\n";
    }
}

// A restarted trainer's lane given the checkpoint's model and drift state reports the same
// events from then on as a lane that never stopped (here the label swap, 200 records after
// the restart). A bad state is refused, with the detectors left as they were.
TEST(LearnerLane, DriftStateRoundTripsSoDetectionContinuesAfterARestart) {
    const auto records = produced(kSwapAt + 1000, {DriftScenario::Kind::kLabelSwap, kSwapAt, 1});
    constexpr std::uint64_t kRestartAt = kSwapAt - 200;
    for (const std::string detector : {"adwin", "ddm", "page_hinkley"}) {
        const DriftWatch watch{detector, 0.002, DriftReaction::kBackground};
        LearnerLane running("key", fresh("softmax_regression"), watch);
        std::vector<DriftEvent> before, events_running, events_restarted;
        for (std::uint64_t i = 0; i < kRestartAt; ++i)
            running.learn(records[i], i, before);
        const std::string state = running.drift_state();
        EXPECT_EQ(state.rfind("liveml-drift-state 1 ", 0), 0u) << state.substr(0, 40);

        LearnerLane restarted("key", fresh("softmax_regression"), watch);
        const std::string model = online::serialize_model(running.model());
        restarted.resume(online::deserialize_learner(model).model, model);
        restarted.restore_drift_state(state);
        EXPECT_EQ(restarted.drift_state(), state);
        LearnerLane empty_detectors("key", fresh("softmax_regression"), watch);
        empty_detectors.resume(online::deserialize_learner(model).model, model);
        std::vector<DriftEvent> events_empty;
        for (std::uint64_t i = kRestartAt; i < records.size(); ++i) {
            running.learn(records[i], i, events_running);
            restarted.learn(records[i], i, events_restarted);
            empty_detectors.learn(records[i], i, events_empty);
        }
        ASSERT_FALSE(events_running.empty()) << detector;
        ASSERT_EQ(events_restarted.size(), events_running.size()) << detector;
        for (std::size_t e = 0; e < events_running.size(); ++e) {
            EXPECT_EQ(events_restarted[e].kind, events_running[e].kind) << detector;
            EXPECT_EQ(events_restarted[e].samples_seen, events_running[e].samples_seen) << detector;
        }
        EXPECT_EQ(restarted.drift_state(), running.drift_state()) << detector;
        std::cout << detector << ": first event after the restart at record "
                  << events_running.front().samples_seen << " with the saved state, "
                  << (events_empty.empty() ? std::string("none")
                                           : std::to_string(events_empty.front().samples_seen))
                  << " with empty detectors\n";

        // Refused: another version, text after the state, truncation, another detector or
        // reaction; the lane keeps its detectors. (A fresh DDM on a trained learner even
        // raised a false alarm before the swap: the reason the state is kept.)
        const std::string kept = restarted.drift_state();
        std::string other_version = state;
        other_version.replace(0, std::string("liveml-drift-state 1").size(),
                              "liveml-drift-state 2");
        const DriftWatch other_detector{detector == "ddm" ? "adwin" : "ddm", 0.002,
                                        DriftReaction::kBackground};
        const DriftWatch other_reaction{detector, 0.002, DriftReaction::kNone};
        std::vector<std::string> bad_states{
            other_version, state + " 0", state.substr(0, state.size() / 2), std::string(),
            LearnerLane("k", fresh("softmax_regression"), other_detector).drift_state()};
        // DDM's state is the same under every reaction (its warning zone is its own); ADWIN
        // and Page-Hinkley add their warning detector under kBackground.
        if (detector != "ddm")
            bad_states.push_back(
                LearnerLane("k", fresh("softmax_regression"), other_reaction).drift_state());
        for (const std::string& bad : bad_states) {
            EXPECT_THROW(restarted.restore_drift_state(bad), drift::DetectorStateError)
                << detector << ": " << bad.substr(0, 60);
            EXPECT_EQ(restarted.drift_state(), kept) << detector;
        }
    }
}

// On a gradual change (the second writer growing to full strength over 2,000 records) the
// warning comes well before the drift: the background learner has a real head start and
// beats both keeping the learner and resetting it.
TEST(LearnerLane, ABackgroundLearnerPaysOnAGradualChange) {
    const auto records =
        produced(kSwapAt + 6000, {DriftScenario::Kind::kGradualWriter, kSwapAt, 2000});
    for (const std::string detector : {"ddm", "page_hinkley"}) {
        double accuracy[3] = {};
        const DriftReaction reactions[3] = {DriftReaction::kNone, DriftReaction::kReset,
                                            DriftReaction::kBackground};
        for (int r = 0; r < 3; ++r)
            accuracy[r] = after_change(records, "sgd_classifier", {detector, 0.002, reactions[r]})
                              .report.accuracy;
        std::cout << detector << ", gradual writer: accuracy over the 6000 records from its start: "
                  << "none " << accuracy[0] << ", reset " << accuracy[1] << ", background "
                  << accuracy[2] << '\n';
        EXPECT_GT(accuracy[2], accuracy[0] + 0.05) << detector;
        EXPECT_GT(accuracy[2], accuracy[1]) << detector;
    }
}
