#include "series/dashboard_feed.hpp"

#include <algorithm>
#include <cmath>

#include "series/metric_names.hpp"
#include "stream/metrics_record.hpp"

namespace liveml::series {

DashboardFeed::DashboardFeed(SeriesStore& store, std::size_t rollingWindow)
    : store_(store), rolling_(rollingWindow) {}

std::string DashboardFeed::runFor(const std::string& base, double step) {
    RunState& run = runs_[base];
    if (step < run.lastStep) ++run.generation;
    run.lastStep = step;
    return run.generation == 1 ? base : base + " #" + std::to_string(run.generation);
}

void DashboardFeed::refuse(std::string reason) {
    ++state_.malformed;
    state_.lastError = std::move(reason);
    version_.fetch_add(1, std::memory_order_release);
}

bool DashboardFeed::ingestMetricsJson(std::string_view json, std::string_view source) {
    stream::MetricsRecord record;
    try {
        record = stream::parseMetricsRecord(json);
    } catch (const stream::MetricsRecordError& error) {
        std::lock_guard lock(mutex_);
        refuse(error.what());
        return false;
    }

    std::lock_guard lock(mutex_);
    const std::string base = record.run       ? *record.run
                             : source.empty() ? std::string("trainer")
                                              : std::string(source);
    const std::string run = runFor(base, record.samples_seen);
    const auto append = [&](const std::string& metric, double value) {
        store_.append({run, metric}, {record.samples_seen, record.time, value});
    };
    for (const auto& [metric, value] : record.values)
        append(metric, value);
    if (rolling_.count() > 0) append(metric::kRollingAccuracy, rolling_.value());
    for (const auto& learner : record.learners) {
        const std::string learnerRun = runFor(learner.name, record.samples_seen);
        const auto add = [&](const char* metric, double value) {
            store_.append({learnerRun, metric}, {record.samples_seen, record.time, value});
        };
        add(metric::kLearnerAccuracy, learner.accuracy);
        add(metric::kLearnerLogLoss, learner.log_loss);
        add(metric::kLearnerEce, learner.ece);
        add(metric::kLearnerRate, learner.records_per_s);
    }
    if (!record.learners.empty()) keepLearners(record.learners);
    for (const auto& event : record.drift) {
        if (state_.drifts.size() == kMaxDriftMarks) state_.drifts.erase(state_.drifts.begin());
        state_.drifts.push_back(
            {double(event.samples_seen), record.time, event.learner, event.kind});
        ++state_.driftTotal;
    }

    ++state_.records;
    state_.run = run;
    state_.modelVersion = record.model_version;
    state_.accuracyWindow = record.accuracy_window;
    if (record.label_distribution) {
        state_.labels = *record.label_distribution;
        state_.hasLabels = true;
    }
    version_.fetch_add(1, std::memory_order_release);
    return true;
}

void DashboardFeed::keepLearners(std::vector<stream::LearnerReport> reports) {
    for (auto& report : reports) {
        // An interval without records (the producer paused) has no scores: keep the last.
        if (std::isfinite(report.accuracy)) continue;
        const auto old = std::find_if(state_.learners.begin(), state_.learners.end(),
                                      [&](const auto& l) { return l.name == report.name; });
        if (old == state_.learners.end()) continue;
        const auto [seen, resets] = std::pair(report.samples_seen, report.resets);
        report = *old;
        report.samples_seen = seen;
        report.resets = resets;
    }
    state_.learners = std::move(reports);
}

bool DashboardFeed::ingestPrediction(int actual, int predicted) {
    std::lock_guard lock(mutex_);
    if (actual < 0 || actual > 9 || predicted < 0 || predicted > 9) {
        refuse("prediction label outside 0..9");
        return false;
    }
    ++state_.confusion[std::size_t(actual)][std::size_t(predicted)];
    rolling_.push(actual == predicted);
    version_.fetch_add(1, std::memory_order_release);
    return true;
}

void DashboardFeed::refuseRecord(std::string reason) {
    std::lock_guard lock(mutex_);
    refuse(std::move(reason));
}

void DashboardFeed::setRollingWindow(std::size_t window) {
    std::lock_guard lock(mutex_);
    rolling_.setWindow(window);
}

DashboardFeed::Snapshot DashboardFeed::snapshot() const {
    std::lock_guard lock(mutex_);
    Snapshot out = state_;
    out.version = version_.load(std::memory_order_acquire);
    return out;
}

} // namespace liveml::series
