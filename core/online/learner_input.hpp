#pragma once
// Checks shared by every learner's public entry points.
#include <cstddef>
#include <span>
#include <vector>

namespace liveml::online {

// Sorted, duplicate-free copy of `classes`; throws std::invalid_argument for fewer than two.
std::vector<int> sorted_classes(std::vector<int> classes);

// Position of `label` in sorted `classes`; throws std::invalid_argument when absent.
std::size_t class_index(const std::vector<int>& classes, int label);

// Throws std::invalid_argument unless x has n_features finite values.
void check_features(std::span<const double> x, std::size_t n_features);

// Throws std::invalid_argument unless out has room for exactly `expected` values.
void check_output_size(std::span<double> out, std::size_t expected, const char* what);

} // namespace liveml::online
