#pragma once
#include <string>
#include <string_view>

namespace liveml::cli {

// Footer of every subcommand's --help: its examples, then the exit codes (docs/cli.md).
inline std::string help_footer(std::string_view examples) {
    return "Examples:\n" + std::string(examples) +
           "\nExit codes: 0 ok, 1 failure, 2 usage error, 3 partial failure, 130 interrupted.\n"
           "See docs/cli.md.";
}

} // namespace liveml::cli
