#include "stream/metrics_record.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <limits>

namespace liveml::stream {

namespace {

using nlohmann::json;

double numberOrNull(const json& value, const std::string& name) {
    if (value.is_null()) return std::numeric_limits<double>::quiet_NaN();
    if (!value.is_number()) throw MetricsRecordError("field '" + name + "' is not a number");
    const double v = value.get<double>();
    if (!std::isfinite(v)) throw MetricsRecordError("field '" + name + "' is not finite");
    return v;
}

double requiredNumber(const json& record, const char* name) {
    const auto it = record.find(name);
    if (it == record.end()) throw MetricsRecordError(std::string("missing field '") + name + "'");
    if (!it->is_number())
        throw MetricsRecordError(std::string("field '") + name + "' is not a number");
    return it->get<double>();
}

// Adds `prefix/<key>` for every member of an object of numbers.
void addObject(const json& record, const char* name, MetricsRecord& out) {
    const auto it = record.find(name);
    if (it == record.end() || it->is_null()) return;
    if (!it->is_object())
        throw MetricsRecordError(std::string("field '") + name + "' is not an object");
    for (const auto& [key, value] : it->items()) {
        std::string metric = std::string(name) + '/' + key;
        const double v = numberOrNull(value, metric);
        out.values.emplace_back(std::move(metric), v);
    }
}

// A whole-number field; absent or null is 0. Checked before converting: a double such as 1e300
// does not fit an int64 (found by fuzz/metrics_record: the conversion was undefined behaviour).
std::int64_t wholeNumber(const json& record, const char* name) {
    const auto it = record.find(name);
    if (it == record.end() || it->is_null()) return 0;
    if (it->is_number_unsigned() &&
        it->get<std::uint64_t>() <= std::uint64_t(std::numeric_limits<std::int64_t>::max()))
        return std::int64_t(it->get<std::uint64_t>());
    if (it->is_number_integer() && !it->is_number_unsigned()) return it->get<std::int64_t>();
    throw MetricsRecordError(std::string("field '") + name + "' is not a whole number in range");
}

std::array<double, 10> labelCounts(const json& value) {
    if (!value.is_array() || value.size() != 10)
        throw MetricsRecordError("field 'label_distribution' is not an array of 10 counts");
    std::array<double, 10> counts{};
    for (std::size_t i = 0; i < 10; ++i) {
        counts[i] = numberOrNull(value[i], "label_distribution");
        if (!(counts[i] >= 0))
            throw MetricsRecordError("field 'label_distribution' has a negative or null count");
    }
    return counts;
}

std::uint64_t count(const json& object, const std::string& name) {
    const auto it = object.find(name);
    if (it == object.end() || it->is_null()) return 0;
    if (!it->is_number_unsigned()) throw MetricsRecordError("field '" + name + "' is not a count");
    return it->get<std::uint64_t>();
}

// Optional per-learner number; absent is NaN like null.
double learnerNumber(const json& scores, const char* field, const std::string& name) {
    const auto it = scores.find(field);
    if (it == scores.end()) return std::numeric_limits<double>::quiet_NaN();
    return numberOrNull(*it, "learners/" + name + "/" + field);
}

std::vector<LearnerReport> learnerReports(const json& value) {
    if (!value.is_object()) throw MetricsRecordError("field 'learners' is not an object");
    std::vector<LearnerReport> out;
    for (const auto& [name, scores] : value.items()) {
        if (!scores.is_object())
            throw MetricsRecordError("field 'learners/" + name + "' is not an object");
        if (name.empty()) throw MetricsRecordError("field 'learners' has an unnamed learner");
        LearnerReport report;
        report.name = name;
        report.accuracy = learnerNumber(scores, "accuracy", name);
        report.prequential_accuracy = learnerNumber(scores, "prequential_accuracy", name);
        report.log_loss = learnerNumber(scores, "log_loss", name);
        report.brier = learnerNumber(scores, "brier", name);
        report.ece = learnerNumber(scores, "ece", name);
        report.records_per_s = learnerNumber(scores, "records_per_s", name);
        report.samples_seen = count(scores, "samples_seen");
        report.resets = count(scores, "resets");
        out.push_back(std::move(report));
    }
    return out;
}

std::string text(const json& object, const char* name) {
    const auto it = object.find(name);
    if (it == object.end() || !it->is_string() || it->get_ref<const std::string&>().empty())
        throw MetricsRecordError(std::string("a drift event's '") + name + "' is not a name");
    return it->get<std::string>();
}

std::vector<DriftEvent> driftEvents(const json& value) {
    if (!value.is_array()) throw MetricsRecordError("field 'drift' is not an array");
    std::vector<DriftEvent> out;
    for (const auto& event : value) {
        if (!event.is_object()) throw MetricsRecordError("a drift event is not an object");
        DriftEvent e{text(event, "learner"), text(event, "detector"), text(event, "kind"),
                     count(event, "samples_seen")};
        if (e.kind != "warning" && e.kind != "drift")
            throw MetricsRecordError("a drift event's kind is neither 'warning' nor 'drift'");
        out.push_back(std::move(e));
    }
    return out;
}

} // namespace

MetricsRecord parseMetricsRecord(std::string_view text) {
    const json record = json::parse(text.begin(), text.end(), nullptr, false);
    if (record.is_discarded()) throw MetricsRecordError("not valid JSON");
    if (!record.is_object()) throw MetricsRecordError("not a JSON object");

    MetricsRecord out;
    out.time = requiredNumber(record, "ts_ms") / 1000.0;
    out.samples_seen = requiredNumber(record, "samples_seen");
    if (!std::isfinite(out.time) || !std::isfinite(out.samples_seen) || out.samples_seen < 0)
        throw MetricsRecordError("ts_ms or samples_seen out of range");

    static constexpr const char* kScalars[] = {
        "samples_seen",   "trained",   "accuracy_last_n",        "prequential_accuracy", "log_loss",
        "throughput_rps", "dlq_count", "sink_delivery_failures", "model_version"};
    for (const char* name : kScalars)
        if (const auto it = record.find(name); it != record.end())
            out.values.emplace_back(name, numberOrNull(*it, name));
    addObject(record, "window_10s", out);
    addObject(record, "latency_ms", out);
    addObject(record, "consumer_lag", out);

    out.model_version = wholeNumber(record, "model_version");
    out.accuracy_window = wholeNumber(record, "accuracy_window");
    if (const auto it = record.find("run"); it != record.end() && it->is_string())
        out.run = it->get<std::string>();
    if (const auto it = record.find("label_distribution"); it != record.end() && !it->is_null())
        out.label_distribution = labelCounts(*it);
    if (const auto it = record.find("learners"); it != record.end() && !it->is_null())
        out.learners = learnerReports(*it);
    if (const auto it = record.find("drift"); it != record.end() && !it->is_null())
        out.drift = driftEvents(*it);
    return out;
}

} // namespace liveml::stream
