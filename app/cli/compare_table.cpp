#include "compare_table.hpp"

#include <cmath>
#include <cstdio>

#include "common/csv_cell.hpp"

namespace liveml::cli {
namespace {

std::string fixed(double value, int digits) {
    if (!std::isfinite(value)) return "n/a";
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", digits, value);
    return text;
}

void add_latency(CompareRow& row, const std::string& name, const retrieval::LatencyStats& s) {
    row.emplace_back(name + "_p50_ms", fixed(s.p50_ms, 3));
    row.emplace_back(name + "_p95_ms", fixed(s.p95_ms, 3));
}

} // namespace

std::vector<CompareRow> compare_rows(const std::vector<clip::ModelMeasurement>& models) {
    std::vector<CompareRow> rows;
    for (const auto& m : models) {
        const auto rel = clip::relative_to(models.front(), m);
        CompareRow row{
            {"model", m.model.string()},
            {"params_image", std::to_string(m.params.image)},
            {"params_text", std::to_string(m.params.text)},
            {"params_total", std::to_string(m.params.total)},
            {"size_mb", fixed(static_cast<double>(m.size_bytes) / 1e6, 2)},
            {"compression", fixed(rel.compression, 2)},
        };
        add_latency(row, "image_b1", m.image.b1);
        add_latency(row, "image_b64", m.image.large);
        add_latency(row, "text_b1", m.text.b1);
        add_latency(row, "text_b64", m.text.large);
        row.insert(row.end(), {
                                  {"speedup_image_b1", fixed(rel.speedup_image_b1, 2)},
                                  {"speedup_image_b64", fixed(rel.speedup_image_large, 2)},
                                  {"speedup_text_b1", fixed(rel.speedup_text_b1, 2)},
                                  {"speedup_text_b64", fixed(rel.speedup_text_large, 2)},
                              });
        for (const auto& [name, value] : clip::quality_figures(m.quality))
            row.emplace_back(name, fixed(value, 4));
        for (const auto& [name, percent] : rel.retained_percent)
            row.emplace_back(name + "_retained_%", fixed(percent, 1));
        rows.push_back(std::move(row));
    }
    return rows;
}

std::string markdown_table(const std::vector<CompareRow>& rows) {
    if (rows.empty()) return {};
    std::string header = "|", rule = "|";
    for (const auto& [column, _] : rows.front()) {
        header += " " + column + " |";
        rule += " --- |";
    }
    std::string out = header + "\n" + rule + "\n";
    for (const auto& row : rows) {
        out += "|";
        for (const auto& [_, cell] : row)
            out += " " + cell + " |";
        out += "\n";
    }
    return out;
}

std::string csv_table(const std::vector<CompareRow>& rows) {
    if (rows.empty()) return {};
    std::string out;
    for (const auto& [column, _] : rows.front())
        out += (out.empty() ? "" : ",") + csv_cell(column);
    out += "\n";
    for (const auto& row : rows) {
        std::string line;
        for (const auto& [_, cell] : row)
            line += (line.empty() ? "" : ",") + csv_cell(cell);
        out += line + "\n";
    }
    return out;
}

} // namespace liveml::cli
