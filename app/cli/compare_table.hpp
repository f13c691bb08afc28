#pragma once
// The rows of `liveml clip compare` as flat columns, written as a Markdown table or CSV (the
// JSON shape is the command's own, docs/clip.md).
#include "clip/model_comparison.hpp"

#include <string>
#include <utility>
#include <vector>

namespace liveml::cli {

using CompareRow = std::vector<std::pair<std::string, std::string>>; // (column, cell)

// One row per model, the first being the reference the relative figures refer to.
std::vector<CompareRow> compare_rows(const std::vector<clip::ModelMeasurement>& models);

std::string markdown_table(const std::vector<CompareRow>& rows);
// RFC 4180: cells holding a comma, quote or line break are quoted.
std::string csv_table(const std::vector<CompareRow>& rows);

} // namespace liveml::cli
