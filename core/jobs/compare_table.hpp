#pragma once
// The result of `liveml clip compare` (issue 12's JSON shape) as the studio's Compare view and
// its CSV export use it: one row per model with every figure flattened to a dotted name
// ("latency_ms.image.b1.p50"), the Pareto front of latency against zero-shot accuracy, and
// the settings of the runs that made the models with "differences only".
#include <nlohmann/json.hpp>

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace liveml::jobs {

struct ComparedModel {
    std::string model;  // the model folder, as the job was given it
    std::string run_id; // the studio run that made it; empty for a folder picked by hand
    // Every number of the model's entry by dotted name, in name order (the studio keeps
    // results as nlohmann::json, whose objects are sorted).
    std::vector<std::pair<std::string, double>> figures;

    std::optional<double> figure(const std::string& name) const;
};

// Names of the figures the view and the scatter chart lead with.
inline constexpr const char* kParamsTotal = "params.total";
inline constexpr const char* kImageLatencyB1 = "latency_ms.image.b1.p50";
inline constexpr const char* kZeroShotTop1 = "zeroshot.top1";

// Reads {"models":[{"model":…, …}, …]}; `run_of` names the run that made each model folder.
// Throws std::runtime_error naming what is wrong (no models array, an entry without "model").
std::vector<ComparedModel> parse_compare_result(const nlohmann::json& result,
                                                const std::map<std::string, std::string>& run_of);

// Indices of the models no other model beats on both axes: lower `cost` (latency) and higher
// `gain` (accuracy), ordered by cost. Models lacking either figure take no part.
std::vector<std::size_t> pareto_front(const std::vector<ComparedModel>& models,
                                      const std::string& cost, const std::string& gain);

// CSV (RFC 4180 quoting) with a header: run_id, model, then every figure any model has, in
// first-seen order; a figure a model lacks is an empty cell.
std::string compare_csv(const std::vector<ComparedModel>& models);

// The settings of several runs side by side: every key of their params.json options (dotted
// for nested objects), each run's value as text ("" when it has none).
struct SettingRow {
    std::string key;
    std::vector<std::string> values; // one per run, in the order given
    bool differs() const;
};
std::vector<SettingRow> settings_side_by_side(const std::vector<nlohmann::json>& options);

} // namespace liveml::jobs
