#include "jobs/job_spec.hpp"

#include <stdexcept>

namespace liveml::jobs {

namespace {

struct KindName {
    JobKind kind;
    std::string_view name;
};

constexpr KindName kNames[] = {
    {JobKind::Train, "train"},       {JobKind::Index, "index"},       {JobKind::Search, "search"},
    {JobKind::ZeroShot, "zeroshot"}, {JobKind::Evaluate, "eval"},     {JobKind::Distill, "distill"},
    {JobKind::Compare, "compare"},   {JobKind::FineTune, "finetune"}, {JobKind::Ingest, "ingest"},
};

std::string scalar_text(const nlohmann::ordered_json& value) {
    if (value.is_string()) return value.get<std::string>();
    if (value.is_number_integer()) return std::to_string(value.get<long long>());
    return value.dump(); // other numbers: JSON's shortest round-trip spelling
}

} // namespace

std::string_view job_name(JobKind kind) {
    for (const auto& [k, name] : kNames)
        if (k == kind) return name;
    return "train";
}

std::optional<JobKind> job_kind_named(std::string_view name) {
    for (const auto& [kind, n] : kNames)
        if (n == name) return kind;
    return std::nullopt;
}

bool is_resumable(JobKind kind) {
    return kind == JobKind::Train || kind == JobKind::Distill || kind == JobKind::FineTune ||
           kind == JobKind::Index || kind == JobKind::Ingest;
}

std::string JobSpec::option(const std::string& name) const {
    const auto it = options.find(name);
    return it != options.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string JobSpec::data_source() const {
    for (const char* name : {"dataset", "gallery", "watch", "events-topic"})
        if (auto value = option(name); !value.empty()) return value;
    return {};
}

std::string JobSpec::device() const {
    const std::string device = option("device");
    return device.empty() ? "auto" : device;
}

nlohmann::ordered_json JobSpec::to_json() const {
    nlohmann::ordered_json json;
    json["kind"] = job_name(kind);
    json["options"] = options;
    return json;
}

JobSpec JobSpec::from_json(const nlohmann::ordered_json& json) {
    if (!json.is_object() || !json.contains("kind") || !json["kind"].is_string())
        throw std::runtime_error("params.json has no job kind");
    const std::string name = json["kind"].get<std::string>();
    const auto kind = job_kind_named(name);
    if (!kind) throw std::runtime_error("params.json names an unknown job kind '" + name + "'");
    JobSpec spec;
    spec.kind = *kind;
    if (json.contains("options")) {
        if (!json["options"].is_object())
            throw std::runtime_error("params.json: \"options\" is not an object");
        spec.options = json["options"];
    }
    return spec;
}

std::filesystem::path output_path(JobKind kind, const std::filesystem::path& run_dir) {
    switch (kind) {
    case JobKind::Train:
    case JobKind::Distill:
    case JobKind::FineTune:
        return run_dir / "model";
    case JobKind::Index:
    case JobKind::Ingest:
        return run_dir / "index";
    default:
        return {};
    }
}

std::filesystem::path thumbnails_path(const std::filesystem::path& run_dir) {
    return run_dir / "thumbnails";
}

std::filesystem::path adapter_path(const std::filesystem::path& run_dir) {
    return run_dir / "adapter";
}

std::vector<std::string> job_arguments(const JobSpec& spec, const std::filesystem::path& run_dir,
                                       bool resume) {
    std::vector<std::string> args{"clip", std::string(job_name(spec.kind))};
    for (const auto& [name, value] : spec.options.items()) {
        const std::string flag = "--" + name;
        if (value.is_boolean()) {
            if (value.get<bool>()) args.push_back(flag);
        } else if (value.is_array()) {
            if (name == "classes") {
                std::string joined;
                for (const auto& item : value)
                    joined += (joined.empty() ? "" : ",") + scalar_text(item);
                args.insert(args.end(), {flag, joined});
            } else {
                for (const auto& item : value)
                    args.insert(args.end(), {flag, scalar_text(item)});
            }
        } else if (!value.is_null()) {
            args.insert(args.end(), {flag, scalar_text(value)});
        }
    }
    const bool writes_index = spec.kind == JobKind::Index || spec.kind == JobKind::Ingest;
    const auto out = output_path(spec.kind, run_dir);
    const bool adapters = spec.kind == JobKind::FineTune && !spec.options.value("full", false);
    if (adapters)
        args.insert(args.end(),
                    {"--out", adapter_path(run_dir).string(), "--merged-out", out.string()});
    else if (!out.empty())
        args.insert(args.end(), {writes_index ? "--index" : "--out", out.string()});
    if (spec.kind == JobKind::Ingest && !spec.option("watch").empty())
        args.insert(args.end(), {"--out-dir", thumbnails_path(run_dir).string()});
    if (resume && is_resumable(spec.kind) && !writes_index) args.push_back("--resume");
    args.push_back("--json");
    return args;
}

} // namespace liveml::jobs
