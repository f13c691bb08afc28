// ADWIN, DDM and Page-Hinkley: River's documented examples replayed value for value (the
// streams come from a port of CPython's random), then synthetic error streams with known
// change points, where detection delay and false alarms are measured and bounded.
#include <gtest/gtest.h>

#include <cstdio>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "drift/adwin.hpp"
#include "drift/ddm.hpp"
#include "drift/detector_state.hpp"
#include "drift/page_hinkley.hpp"
#include "python_random.hpp"

using namespace liveml::drift;
using liveml::testing::PythonRandom;

namespace {

std::vector<double> concat(std::vector<double> a, const std::vector<double>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

std::vector<std::size_t> drifts(DriftDetector& d, const std::vector<double>& stream) {
    std::vector<std::size_t> at;
    for (std::size_t i = 0; i < stream.size(); ++i) {
        d.update(stream[i]);
        if (d.drift_detected()) at.push_back(i);
    }
    return at;
}

// River's docstring stream for ADWIN and Page-Hinkley: 1,000 coin flips then 1,000 of 4..7.
std::vector<double> river_two_distributions() {
    PythonRandom rng(12345);
    const auto first = rng.choices({0, 1}, 1000);
    return concat(first, rng.choices({4, 5, 6, 7}, 1000));
}

TEST(DriftRiverExamples, PythonRandomMatchesCPython) {
    // random.Random(12345).random() and random.Random(42).random() in CPython 3.
    EXPECT_DOUBLE_EQ(PythonRandom(12345).random(), 0.41661987254534116);
    EXPECT_DOUBLE_EQ(PythonRandom(42).random(), 0.6394267984578837);
}

TEST(DriftRiverExamples, AdwinDetectsAtIndex1023) {
    Adwin adwin;
    EXPECT_EQ(drifts(adwin, river_two_distributions()), std::vector<std::size_t>{1023});
}

TEST(DriftRiverExamples, PageHinkleyDetectsAtIndex1006) {
    PageHinkley ph;
    const auto at = drifts(ph, river_two_distributions());
    ASSERT_FALSE(at.empty());
    EXPECT_EQ(at.front(), 1006u);
}

TEST(DriftRiverExamples, DdmWarnsAt1084AndDriftsAt1334) {
    PythonRandom rng(42);
    const auto first = rng.choices({0, 1}, 1000);
    const auto stream = concat(first, rng.choices2({0, 1}, 0.3, 0.7, 1000));
    Ddm ddm;
    // River's example prints the first warning, each change, and the first warning after it.
    std::vector<std::string> printed;
    bool print_warning = true;
    for (std::size_t i = 0; i < stream.size(); ++i) {
        ddm.update(stream[i]);
        if (ddm.warning_detected() && print_warning) {
            printed.push_back("warning " + std::to_string(i));
            print_warning = false;
        }
        if (ddm.drift_detected()) {
            printed.push_back("change " + std::to_string(i));
            print_warning = true;
        }
    }
    EXPECT_EQ(printed, (std::vector<std::string>{"warning 1084", "change 1334", "warning 1492"}));
}

// Synthetic 0/1 error streams: rate `before` up to the change point, `after` from it on.
struct Outcome {
    long delay = -1;      // values after the change until the first detection at or after it
    int false_alarms = 0; // detections before the change
};

Outcome run(DriftDetector& d, double before, double after, std::size_t change, std::size_t n,
            std::uint32_t seed) {
    std::mt19937 rng(seed);
    Outcome o;
    for (std::size_t i = 0; i < n; ++i) {
        const double p = i < change ? before : after;
        // Uniform from the top 24 bits: the same stream on every platform.
        const double u = static_cast<double>(rng() >> 8) / 16777216.0;
        d.update(u < p ? 1.0 : 0.0);
        if (!d.drift_detected()) continue;
        if (i < change) {
            ++o.false_alarms;
        } else if (o.delay < 0) {
            o.delay = static_cast<long>(i - change);
        }
    }
    return o;
}

struct Scenario {
    const char* name;
    double before;
    double after;
};

using Factory = std::unique_ptr<DriftDetector> (*)();

void measure(const char* detector, Factory make, long max_mean_delay, double max_alarm_rate) {
    constexpr std::size_t kChange = 20000;
    constexpr std::size_t kLength = 30000;
    constexpr int kSeeds = 20;
    const Scenario scenarios[] = {{"error 0.05 -> 0.30", 0.05, 0.30},
                                  {"error 0.10 -> 0.50", 0.10, 0.50},
                                  {"error 0.02 -> 0.90 (label swap)", 0.02, 0.90}};
    for (const Scenario& s : scenarios) {
        long delay_sum = 0;
        int missed = 0;
        int alarms = 0;
        for (int seed = 0; seed < kSeeds; ++seed) {
            const auto d = make();
            const Outcome o =
                run(*d, s.before, s.after, kChange, kLength, static_cast<std::uint32_t>(seed + 1));
            alarms += o.false_alarms;
            if (o.delay < 0)
                ++missed;
            else
                delay_sum += o.delay;
        }
        const double mean_delay =
            missed == kSeeds ? -1.0 : static_cast<double>(delay_sum) / (kSeeds - missed);
        const double alarm_rate = alarms / (kSeeds * (kChange / 10000.0));
        std::printf("[ drift ] %-12s %-32s mean delay %7.1f, missed %d/%d, false alarms %.2f per "
                    "10k values\n",
                    detector, s.name, mean_delay, missed, kSeeds, alarm_rate);
        EXPECT_EQ(missed, 0) << detector << " " << s.name;
        EXPECT_LE(mean_delay, static_cast<double>(max_mean_delay)) << detector << " " << s.name;
        EXPECT_LE(alarm_rate, max_alarm_rate) << detector << " " << s.name;
    }
}

TEST(DriftSynthetic, AdwinDelayAndFalseAlarms) {
    measure(
        "ADWIN", [] { return std::unique_ptr<DriftDetector>(new Adwin()); }, 500, 0.5);
}

TEST(DriftSynthetic, DdmDelayAndFalseAlarms) {
    measure(
        "DDM", [] { return std::unique_ptr<DriftDetector>(new Ddm()); }, 1000, 3.0);
}

TEST(DriftSynthetic, PageHinkleyDelayAndFalseAlarms) {
    measure(
        "PageHinkley", [] { return std::unique_ptr<DriftDetector>(new PageHinkley()); }, 500, 0.5);
}

} // namespace

// ADWIN is two-sided; rise() tells which way the change it found went.
TEST(Adwin, TellsARiseFromAFall) {
    for (const bool rising : {true, false}) {
        Adwin adwin;
        std::mt19937_64 rng(5);
        bool detected = false;
        for (int i = 0; i < 4000 && !detected; ++i) {
            const double rate = (i < 2000) == rising ? 0.05 : 0.5;
            adwin.update(double(rng() % 1000) < rate * 1000 ? 1.0 : 0.0);
            detected = adwin.drift_detected();
            if (detected) EXPECT_GE(i, 2000);
        }
        ASSERT_TRUE(detected) << rising;
        EXPECT_EQ(adwin.rise(), rising);
    }
}

namespace {

std::unique_ptr<DriftDetector> make(const std::string& kind) {
    if (kind == "adwin") return std::make_unique<Adwin>(0.002);
    if (kind == "ddm") return std::make_unique<Ddm>();
    return std::make_unique<PageHinkley>();
}

std::string state_of(const DriftDetector& d) {
    StateWriter out;
    d.write_state(out);
    return out.text();
}

// A 0/1 error stream whose rate rises from 0.1 to 0.6 at value 1,500.
double error_at(std::mt19937_64& rng, int i) {
    return double(rng() % 1000) < (i < 1500 ? 100.0 : 600.0) ? 1.0 : 0.0;
}

} // namespace

// A detector read back from its state continues exactly as the original: the same
// detections at the same values and the same state after each.
TEST(DetectorState, ReadBackDetectorsContinueIdentically) {
    for (const std::string kind : {"adwin", "ddm", "page_hinkley"}) {
        for (const int saved_at : {0, 700, 1490}) {
            auto original = make(kind);
            std::mt19937_64 rng(11);
            for (int i = 0; i < saved_at; ++i)
                original->update(error_at(rng, i));
            const std::string text = state_of(*original);
            auto copy = make(kind);
            StateReader in(text);
            copy->read_state(in);
            in.expect_end();
            ASSERT_EQ(state_of(*copy), text) << kind;
            int detections = 0;
            for (int i = saved_at; i < 3000; ++i) {
                const double x = error_at(rng, i);
                original->update(x);
                copy->update(x);
                ASSERT_EQ(copy->drift_detected(), original->drift_detected()) << kind << " " << i;
                ASSERT_EQ(copy->warning_detected(), original->warning_detected())
                    << kind << " " << i;
                detections += original->drift_detected();
            }
            EXPECT_GT(detections, 0) << kind; // the comparison covered a detection
            EXPECT_EQ(state_of(*copy), state_of(*original)) << kind;
        }
    }
}

// Every truncation, another kind, other settings and damaged numbers are refused with
// DetectorStateError, and the detector keeps the state it had. (Text after the state is the
// caller's to refuse: LearnerLane::restore_drift_state.)
TEST(DetectorState, BadStatesAreRefusedAndChangeNothing) {
    for (const std::string kind : {"adwin", "ddm", "page_hinkley"}) {
        auto source = make(kind);
        std::mt19937_64 rng(3);
        for (int i = 0; i < 800; ++i)
            source->update(error_at(rng, i));
        const std::string good = state_of(*source);
        auto target = make(kind);
        for (int i = 0; i < 50; ++i)
            target->update(1.0);
        const std::string before = state_of(*target);
        const auto refused = [&](const std::string& text) {
            StateReader in(text);
            try {
                target->read_state(in);
            } catch (const DetectorStateError&) {
                return state_of(*target) == before;
            }
            return false;
        };
        for (std::size_t cut = good.find(' '); cut != std::string::npos;
             cut = good.find(' ', cut + 1))
            EXPECT_TRUE(refused(good.substr(0, cut))) << kind << " cut at " << cut;
        for (const std::string other : {"adwin", "ddm", "page_hinkley"})
            if (other != kind) EXPECT_TRUE(refused(state_of(*make(other)))) << kind << other;
        std::string damaged = good;
        damaged.replace(damaged.rfind(' ') + 1, std::string::npos, "x");
        EXPECT_TRUE(refused(damaged)) << kind;
        EXPECT_TRUE(refused(good.substr(0, good.find(' ')) + " nan" +
                            good.substr(good.find(' ', good.find(' ') + 1))))
            << kind;
    }
    // Other settings of the same kind.
    Adwin adwin(0.002);
    StateWriter other;
    Adwin(0.01).write_state(other);
    StateReader in(other.text());
    EXPECT_THROW(adwin.read_state(in), DetectorStateError);
}
