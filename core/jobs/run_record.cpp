#include "jobs/run_record.hpp"

#include <stdexcept>

namespace liveml::jobs {

namespace {

constexpr std::pair<RunStatus, std::string_view> kStatusNames[] = {{RunStatus::Queued, "queued"},
                                                                   {RunStatus::Running, "running"},
                                                                   {RunStatus::Done, "done"},
                                                                   {RunStatus::Stopped, "stopped"},
                                                                   {RunStatus::Failed, "failed"}};

std::optional<double> number_at(const nlohmann::json& json,
                                const nlohmann::json::json_pointer& at) {
    if (!json.contains(at) || !json[at].is_number()) return std::nullopt;
    return json[at].get<double>();
}

} // namespace

std::string_view status_name(RunStatus status) {
    for (const auto& [s, name] : kStatusNames)
        if (s == status) return name;
    return "failed";
}

std::optional<RunStatus> status_named(std::string_view name) {
    for (const auto& [status, n] : kStatusNames)
        if (n == name) return status;
    return std::nullopt;
}

std::optional<Headline> headline_of(JobKind kind, const nlohmann::json& result) {
    const auto pick = [&](const char* metric, const char* pointer) -> std::optional<Headline> {
        const auto value = number_at(result, nlohmann::json::json_pointer(pointer));
        if (!value) return std::nullopt;
        return Headline{metric, *value};
    };
    switch (kind) {
    case JobKind::Train:
    case JobKind::Distill:
        return pick("final_loss", "/final_loss");
    case JobKind::FineTune:
        if (auto top1 = pick("top1", "/target/tuned_top1")) return top1;
        return pick("final_loss", "/final_loss");
    case JobKind::Evaluate:
        return pick("top1", "/zeroshot/top1");
    case JobKind::ZeroShot:
        if (auto top1 = pick("top1", "/top1")) return top1;
        return pick("images", "/images");
    case JobKind::Index:
    case JobKind::Ingest:
        return pick("size", "/size");
    case JobKind::Search:
        if (result.contains("results") && result["results"].is_array())
            return Headline{"results", double(result["results"].size())};
        return std::nullopt;
    case JobKind::Compare:
        if (result.contains("models") && result["models"].is_array())
            return Headline{"models", double(result["models"].size())};
        return std::nullopt;
    }
    return std::nullopt;
}

nlohmann::json RunRecord::to_json() const {
    nlohmann::json json{{"id", id},
                        {"status", status_name(status)},
                        {"created_ms", created_ms},
                        {"started_ms", started_ms},
                        {"finished_ms", finished_ms},
                        {"seconds", seconds},
                        {"device", device},
                        {"error", error}};
    if (headline) json["headline"] = {{"metric", headline->metric}, {"value", headline->value}};
    return json;
}

RunRecord RunRecord::from_json(const nlohmann::json& json, JobSpec spec) {
    try {
        RunRecord record;
        record.spec = std::move(spec);
        record.id = json.at("id").get<std::string>();
        const auto status = status_named(json.at("status").get<std::string>());
        if (!status) throw std::runtime_error("unknown status");
        record.status = *status;
        record.created_ms = json.value("created_ms", std::int64_t{0});
        record.started_ms = json.value("started_ms", std::int64_t{0});
        record.finished_ms = json.value("finished_ms", std::int64_t{0});
        record.seconds = json.value("seconds", 0.0);
        record.device = json.value("device", std::string());
        record.error = json.value("error", std::string());
        if (json.contains("headline"))
            record.headline = Headline{json["headline"].at("metric").get<std::string>(),
                                       json["headline"].at("value").get<double>()};
        return record;
    } catch (const nlohmann::json::exception& e) {
        throw std::runtime_error(std::string("run.json: ") + e.what());
    }
}

} // namespace liveml::jobs
