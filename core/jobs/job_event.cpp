#include "jobs/job_event.hpp"

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
        const auto step = number(object, "step");
        const auto total = number(object, "total");
        if (!step || !total || *step < 0 || *total < 0) {
            parsed.error = "progress without whole step and total";
            return parsed;
        }
        event.step = static_cast<std::int64_t>(*step);
        event.total = static_cast<std::int64_t>(*total);
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
