#include "jobs/job_event.hpp"

#include <cmath>
#include <limits>

namespace liveml::jobs {

namespace {

EventType type_of(const std::string& name) {
    if (name == "progress") return EventType::Progress;
    if (name == "prediction") return EventType::Prediction;
    if (name == "skipped") return EventType::Skipped;
    if (name == "result") return EventType::Result;
    if (name == "error") return EventType::Error;
    return EventType::Other;
}

std::optional<double> number(const nlohmann::json& object, const char* key) {
    const auto it = object.find(key);
    if (it == object.end() || !it->is_number()) return std::nullopt;
    return it->get<double>();
}

// A whole number ≥ 0 that fits an int64, else nullopt. Range checked before the cast: a step
// such as 1.2e34 (an integer literal too long for int64, read as a double) made the cast
// undefined behaviour (found by fuzz/job_event).
std::optional<std::int64_t> count(const nlohmann::json& object, const char* key) {
    const auto it = object.find(key);
    if (it == object.end()) return std::nullopt;
    if (it->is_number_unsigned()) {
        const auto value = it->get<std::uint64_t>();
        if (value > std::uint64_t(std::numeric_limits<std::int64_t>::max())) return std::nullopt;
        return std::int64_t(value);
    }
    if (it->is_number_integer()) {
        const auto value = it->get<std::int64_t>();
        return value >= 0 ? std::optional(value) : std::nullopt;
    }
    if (!it->is_number_float()) return std::nullopt;
    // 2^63 is exact as a double; every whole double below it converts.
    const double value = it->get<double>();
    if (!(value >= 0 && value < 9223372036854775808.0) || value != std::floor(value))
        return std::nullopt;
    return std::int64_t(value);
}

std::string text(const nlohmann::json& object, const char* key) {
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

} // namespace

ParsedLine parse_job_line(std::string_view line) {
    ParsedLine parsed;
    nlohmann::json object = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (object.is_discarded() || !object.is_object()) {
        parsed.error = "not a JSON object";
        return parsed;
    }
    const std::string name = text(object, "event");
    if (name.empty()) {
        parsed.error = "no \"event\" member";
        return parsed;
    }
    JobEvent event;
    event.name = name;
    event.type = type_of(name);
    switch (event.type) {
    case EventType::Progress: {
        event.phase = text(object, "phase");
        const auto step = count(object, "step");
        const auto total = count(object, "total");
        if (!step || !total) {
            parsed.error = "progress without whole step and total";
            return parsed;
        }
        event.step = *step;
        event.total = *total;
        event.loss = number(object, "loss");
        event.eta_s = number(object, "eta_s");
        break;
    }
    case EventType::Error:
        event.message = text(object, "message");
        if (event.message.empty()) event.message = "the job failed without saying why";
        break;
    case EventType::Skipped:
        event.message = text(object, "reason");
        break;
    default:
        break;
    }
    event.body = std::move(object);
    parsed.event = std::move(event);
    return parsed;
}

} // namespace liveml::jobs
