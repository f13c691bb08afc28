#pragma once
#include <string>
#include <string_view>

#include "cli_main.hpp"

namespace liveml::cli {

// Footer of every subcommand's --help: its examples, then the exit codes (docs/cli.md).
inline std::string help_footer(std::string_view examples) {
    return "Examples:\n" + std::string(examples) + "\n" + kExitCodesHelp + "\nSee docs/cli.md.";
}

} // namespace liveml::cli
