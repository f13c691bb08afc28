#include "online/learner_input.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "online/sgd_kernels.hpp"

namespace liveml::online {

std::vector<int> sorted_classes(std::vector<int> classes) {
    std::sort(classes.begin(), classes.end());
    classes.erase(std::unique(classes.begin(), classes.end()), classes.end());
    if (classes.size() < 2)
        throw std::invalid_argument("a classifier needs at least two distinct classes");
    return classes;
}

std::size_t class_index(const std::vector<int>& classes, int label) {
    const auto it = std::lower_bound(classes.begin(), classes.end(), label);
    if (it == classes.end() || *it != label)
        throw std::invalid_argument("label " + std::to_string(label) +
                                    " is not one of the model's classes");
    return static_cast<std::size_t>(it - classes.begin());
}

void check_features(std::span<const double> x, std::size_t n_features) {
    if (x.size() != n_features)
        throw std::invalid_argument("expected " + std::to_string(n_features) + " features, got " +
                                    std::to_string(x.size()));
    if (!kernels::all_finite(x.data(), x.size()))
        throw std::invalid_argument("features must be finite numbers");
}

void check_output_size(std::span<double> out, std::size_t expected, const char* what) {
    if (out.size() != expected)
        throw std::invalid_argument(std::string(what) + " needs room for " +
                                    std::to_string(expected) + " values, got " +
                                    std::to_string(out.size()));
}

} // namespace liveml::online
