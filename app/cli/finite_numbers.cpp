#include "finite_numbers.hpp"

#include <CLI/CLI.hpp>

#include <cmath>
#include <cstdlib>
#include <optional>
#include <string>

namespace liveml::cli {
namespace {

// strtod's reading of `text`, or nullopt when it is not one number (CLI11 then reports it).
std::optional<double> as_double(const std::string& text) {
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (end == text.c_str() || *end != '\0') return std::nullopt;
    return value;
}

CLI::Validator finite() {
    return CLI::Validator(
        [](std::string& text) {
            const auto value = as_double(text);
            return value && !std::isfinite(*value) ? "must be a finite number, got " + text
                                                   : std::string{};
        },
        "", "finite"); // no description: help keeps saying FLOAT
}

} // namespace

void refuse_non_finite_numbers(CLI::App& app) {
    for (CLI::Option* option : app.get_options())
        if (option->get_type_name().starts_with("FLOAT")) option->check(finite());
    for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; }))
        refuse_non_finite_numbers(*sub);
}

CLI::Validator positive_finite() {
    return CLI::Validator(
        [](std::string& text) {
            const auto value = as_double(text);
            return value && !(std::isfinite(*value) && *value > 0)
                       ? "must be finite and > 0, got " + text
                       : std::string{};
        },
        "X>0");
}

} // namespace liveml::cli
