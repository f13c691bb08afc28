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

    if (const auto it = record.find("model_version"); it != record.end() && it->is_number())
        out.model_version = it->get<std::int64_t>();
    if (const auto it = record.find("accuracy_window"); it != record.end() && it->is_number())
        out.accuracy_window = it->get<std::int64_t>();
    if (const auto it = record.find("run"); it != record.end() && it->is_string())
        out.run = it->get<std::string>();
    if (const auto it = record.find("label_distribution"); it != record.end() && !it->is_null())
        out.label_distribution = labelCounts(*it);
    return out;
}

} // namespace liveml::stream
