#include "jobs/compare_table.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <stdexcept>

#include "common/csv_cell.hpp"

namespace liveml::jobs {
namespace {

void flatten_numbers(const nlohmann::json& json, const std::string& prefix,
                     std::vector<std::pair<std::string, double>>& out) {
    for (const auto& [key, value] : json.items()) {
        const std::string name = prefix.empty() ? key : prefix + "." + key;
        if (value.is_object())
            flatten_numbers(value, name, out);
        else if (value.is_number())
            out.emplace_back(name, value.get<double>());
    }
}

void flatten_text(const nlohmann::json& json, const std::string& prefix,
                  std::map<std::string, std::string>& out) {
    for (const auto& [key, value] : json.items()) {
        const std::string name = prefix.empty() ? key : prefix + "." + key;
        if (value.is_object() && !value.empty())
            flatten_text(value, name, out);
        else
            out[name] = value.is_string() ? value.get<std::string>() : value.dump();
    }
}

std::string number_text(double value) {
    if (std::isnan(value)) return "nan";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.10g", value);
    return buffer;
}

} // namespace

std::optional<double> ComparedModel::figure(const std::string& name) const {
    for (const auto& [key, value] : figures)
        if (key == name) return value;
    return std::nullopt;
}

std::vector<ComparedModel> parse_compare_result(const nlohmann::json& result,
                                                const std::map<std::string, std::string>& run_of) {
    const auto models = result.find("models");
    if (!result.is_object() || models == result.end() || !models->is_array())
        throw std::runtime_error("a compare result needs a \"models\" array");
    std::vector<ComparedModel> out;
    for (const auto& entry : *models) {
        const auto name = entry.is_object() ? entry.find("model") : entry.end();
        if (!entry.is_object() || name == entry.end() || !name->is_string())
            throw std::runtime_error("entry " + std::to_string(out.size()) +
                                     " of \"models\" has no \"model\" folder");
        ComparedModel model;
        model.model = name->get<std::string>();
        if (const auto run = run_of.find(model.model); run != run_of.end())
            model.run_id = run->second;
        flatten_numbers(entry, std::string(), model.figures);
        out.push_back(std::move(model));
    }
    return out;
}

std::vector<std::size_t> pareto_front(const std::vector<ComparedModel>& models,
                                      const std::string& cost, const std::string& gain) {
    struct Point {
        double cost, gain;
        std::size_t index;
    };
    std::vector<Point> points;
    for (std::size_t i = 0; i < models.size(); ++i) {
        const auto c = models[i].figure(cost);
        const auto g = models[i].figure(gain);
        if (c && g && std::isfinite(*c) && std::isfinite(*g)) points.push_back({*c, *g, i});
    }
    // Cheapest first (ties: the better one first); a point is on the front when it beats
    // the best gain of every cheaper point.
    std::sort(points.begin(), points.end(), [](const Point& a, const Point& b) {
        return a.cost != b.cost ? a.cost < b.cost : a.gain > b.gain;
    });
    std::vector<std::size_t> front;
    double best = -std::numeric_limits<double>::infinity();
    for (const Point& p : points) {
        if (p.gain <= best) continue;
        best = p.gain;
        front.push_back(p.index);
    }
    return front;
}

std::string compare_csv(const std::vector<ComparedModel>& models) {
    std::vector<std::string> columns;
    for (const auto& model : models)
        for (const auto& [name, value] : model.figures)
            if (std::find(columns.begin(), columns.end(), name) == columns.end())
                columns.push_back(name);
    std::string csv = "run_id,model";
    for (const auto& name : columns)
        csv += "," + csv_cell(name);
    csv += "\r\n";
    for (const auto& model : models) {
        csv += csv_cell(model.run_id) + "," + csv_cell(model.model);
        for (const auto& name : columns) {
            csv += ",";
            if (const auto value = model.figure(name)) csv += number_text(*value);
        }
        csv += "\r\n";
    }
    return csv;
}

bool SettingRow::differs() const {
    return std::adjacent_find(values.begin(), values.end(), std::not_equal_to<>()) != values.end();
}

std::vector<SettingRow> settings_side_by_side(const std::vector<nlohmann::json>& options) {
    std::vector<std::map<std::string, std::string>> flat(options.size());
    std::set<std::string> keys; // sorted: the same order for every comparison
    for (std::size_t i = 0; i < options.size(); ++i) {
        if (options[i].is_object()) flatten_text(options[i], std::string(), flat[i]);
        for (const auto& [key, value] : flat[i])
            keys.insert(key);
    }
    std::vector<SettingRow> rows;
    for (const auto& key : keys) {
        SettingRow row{key, {}};
        for (const auto& run : flat) {
            const auto it = run.find(key);
            row.values.push_back(it == run.end() ? std::string() : it->second);
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

} // namespace liveml::jobs
