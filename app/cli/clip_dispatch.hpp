#pragma once
// `liveml clip …` the way git runs its subcommands: `liveml` itself carries no LibTorch, so it
// replaces itself (execv: same pid, so signals and the exit code reach the job unchanged) with
// the `liveml-clip` installed beside it.
namespace CLI {
class App;
}

namespace liveml::cli {

inline constexpr const char* kClipBinary = "liveml-clip";

// Lists `clip` in `liveml --help`; the dispatch itself happens before parsing.
void register_clip_dispatch(CLI::App& root);

// Runs `liveml-clip args…` in place of this process; returns (kFailure, after a message
// naming the path it looked for) only when that binary cannot be executed.
int exec_liveml_clip(int argc, char** argv);

} // namespace liveml::cli
