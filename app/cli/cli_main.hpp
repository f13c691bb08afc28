#pragma once
// The part of main() both binaries share: parse, run the chosen command, and turn what
// happened into the exit codes of exit_codes.hpp (docs/cli.md).
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace liveml::cli {

// The footer every root and subcommand --help ends with.
inline constexpr const char* kExitCodesHelp =
    "Exit codes: 0 ok, 1 failure, 2 usage error, 3 partial failure, 130 interrupted.";

// Parses argv and runs the selected command's callback. Usage errors (bad flags, checked
// while parsing) return kUsage and are also an "error" event on stdout when --json was
// given; a command ends with a code by throwing CLI::RuntimeError(code).
int run_cli(CLI::App& app, int argc, char** argv);

// The arguments run_cli was given, argv[0] first (how `--nproc` starts its ranks).
const std::vector<std::string>& command_line();

} // namespace liveml::cli
