#pragma once
#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "series/rolling_accuracy.hpp"
#include "series/series_store.hpp"
#include "stream/learner_report.hpp"

namespace liveml::series {

// The dashboard's only way in: stream consumers (Kafka `digit_metrics` / `digit_predict`,
// the Redis metrics stream for history) hand it raw records from any thread. Metrics become
// series in the store; predictions feed the confusion matrix and the rolling accuracy.
// Malformed input is counted, its reason kept, and otherwise ignored. Thread-safe.
class DashboardFeed {
  public:
    using Matrix = std::array<std::array<std::uint64_t, 10>, 10>; // [actual][predicted]
    // Drift markers kept for the charts: the newest ones.
    static constexpr std::size_t kMaxDriftMarks = 200;

    // A drift event placed on the charts' axes.
    struct DriftMark {
        double step = 0; // the event's stream position
        double time = 0; // of the metrics record that reported it (Unix seconds)
        std::string learner;
        std::string kind; // "warning" | "drift"
    };

    struct Snapshot {
        std::uint64_t version = 0;
        Matrix confusion{};
        std::array<double, 10> labels{};
        bool hasLabels = false;
        std::uint64_t records = 0;   // metrics records charted
        std::uint64_t malformed = 0; // metrics records and predictions refused
        std::string lastError;       // why the last one was refused
        std::int64_t modelVersion = 0;
        std::int64_t accuracyWindow = 0; // the trainer's N
        std::string run;                 // run of the latest record
        // Of the latest record that had any; a learner's scores from an interval without
        // records are those of its last interval with some.
        std::vector<stream::LearnerReport> learners;
        std::vector<DriftMark> drifts; // oldest first, at most kMaxDriftMarks
        std::uint64_t driftTotal = 0;  // events ever received
    };

    explicit DashboardFeed(SeriesStore& store, std::size_t rollingWindow = 1000);

    // One metrics record. `source` names the run when the record has no "run" field (e.g. a
    // trainer id); a step that goes back (model reset) starts a new run "<name> #2", … so
    // runs overlay instead of folding back. Each learner's scores become series of the run
    // named by the learner (metric::kLearner…), its drift events drift marks. False if the
    // record was refused.
    bool ingestMetricsJson(std::string_view json, std::string_view source = {});
    // One prediction from the sink topic; labels outside 0..9 are refused.
    bool ingestPrediction(int actual, int predicted);
    // A record the caller could not read (e.g. a sink record in the wrong shape): counted as
    // refused with its reason.
    void refuseRecord(std::string reason);
    // N of the dashboard's rolling accuracy, sampled into its series at each metrics record.
    void setRollingWindow(std::size_t window);

    Snapshot snapshot() const;
    // Changes whenever snapshot() would.
    std::uint64_t version() const noexcept { return version_.load(std::memory_order_acquire); }

  private:
    struct RunState {
        int generation = 1;
        double lastStep = -1;
    };
    std::string runFor(const std::string& base, double step);
    void refuse(std::string reason);
    void keepLearners(std::vector<stream::LearnerReport> reports);

    SeriesStore& store_;
    mutable std::mutex mutex_;
    Snapshot state_;
    RollingAccuracy rolling_;
    std::map<std::string, RunState, std::less<>> runs_;
    std::atomic<std::uint64_t> version_{0};
};

} // namespace liveml::series
