#include "stream/trainer_metrics.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace liveml::stream {

TrainerMetrics::TrainerMetrics(std::size_t accuracy_window, Clock::time_point start)
    : start_(start), recent_(std::max<std::size_t>(1, accuracy_window)), interval_start_(start) {}

void TrainerMetrics::trained(int label, int predicted_before, int predicted_after, double log_loss,
                             double latency_ms, Clock::time_point now) {
    ++trained_;
    ++labels_[static_cast<std::size_t>(label)];
    correct_before_ += predicted_before == label;
    if (log_loss >= 0) {
        log_loss_sum_ += log_loss;
        ++log_loss_count_;
    }

    const std::uint8_t correct = predicted_after == label;
    if (recent_filled_ == recent_.size())
        recent_correct_ -= recent_[recent_next_];
    else
        ++recent_filled_;
    recent_[recent_next_] = correct;
    recent_correct_ += correct;
    recent_next_ = (recent_next_ + 1) % recent_.size();

    const auto second = std::chrono::duration_cast<std::chrono::seconds>(now - start_).count();
    auto& bucket = window_[static_cast<std::size_t>(second) % kWindowSeconds];
    if (bucket.second != second) bucket = {second, 0, 0};
    ++bucket.total;
    bucket.correct += correct;

    ++interval_count_;
    interval_latency_sum_ += latency_ms;
    interval_latency_max_ = std::max(interval_latency_max_, latency_ms);
}

namespace {

nlohmann::json number_or_null(double value) {
    if (!std::isfinite(value)) return nullptr;
    return value;
}

nlohmann::json learners_json(const std::vector<LearnerReport>& learners) {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& l : learners)
        out[l.name] = {{"accuracy", number_or_null(l.accuracy)},
                       {"prequential_accuracy", number_or_null(l.prequential_accuracy)},
                       {"log_loss", number_or_null(l.log_loss)},
                       {"brier", number_or_null(l.brier)},
                       {"ece", number_or_null(l.ece)},
                       {"records_per_s", number_or_null(l.records_per_s)},
                       {"samples_seen", l.samples_seen},
                       {"resets", l.resets}};
    return out;
}

nlohmann::json drift_json(const std::vector<DriftEvent>& events) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& e : events)
        out.push_back({{"learner", e.learner},
                       {"detector", e.detector},
                       {"kind", e.kind},
                       {"samples_seen", e.samples_seen}});
    return out;
}

} // namespace

std::string TrainerMetrics::report(const TrainerStatus& status, std::int64_t wall_clock_ms,
                                   Clock::time_point now) {
    const auto second = std::chrono::duration_cast<std::chrono::seconds>(now - start_).count();
    std::uint64_t window_total = 0, window_correct = 0;
    for (const auto& bucket : window_) {
        if (bucket.second >= 0 && second - bucket.second < std::int64_t(kWindowSeconds)) {
            window_total += bucket.total;
            window_correct += bucket.correct;
        }
    }
    const double interval_s = std::chrono::duration<double>(now - interval_start_).count();
    const auto ratio = [](double num, double den) -> nlohmann::json {
        if (den <= 0) return nullptr;
        return num / den;
    };

    nlohmann::json json = {
        {"ts_ms", wall_clock_ms},
        {"samples_seen", status.samples_seen},
        {"trained", trained_},
        {"accuracy_last_n", ratio(double(recent_correct_), double(recent_filled_))},
        {"accuracy_window", recent_.size()},
        {"label_distribution", labels_},
        {"window_10s", {{"total", window_total}, {"correct", window_correct}}},
        {"prequential_accuracy", ratio(double(correct_before_), double(trained_))},
        {"log_loss", ratio(log_loss_sum_, double(log_loss_count_))},
        {"throughput_rps", ratio(double(interval_count_), interval_s)},
        {"latency_ms",
         {{"mean", ratio(interval_latency_sum_, double(interval_count_))},
          {"max", interval_count_ ? nlohmann::json(interval_latency_max_) : nullptr}}},
        {"consumer_lag", status.consumer_lag},
        {"dlq_count", dead_letters_},
        {"sink_delivery_failures", status.sink_delivery_failures},
        {"model_version", status.model_version},
        {"redis", status.redis_state},
        {"learners", learners_json(status.learners)},
        {"drift", drift_json(status.drift)},
    };
    interval_start_ = now;
    interval_count_ = 0;
    interval_latency_sum_ = 0;
    interval_latency_max_ = 0;
    return json.dump();
}

} // namespace liveml::stream
