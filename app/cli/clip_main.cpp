// `liveml-clip`: the CLIP jobs, the only binary that loads LibTorch and FAISS. `liveml clip …`
// runs it too (clip_dispatch.cpp), so the studio and scripts keep one entry point.
#include <CLI/CLI.hpp>

#include "cli_main.hpp"
#include "clip_commands.hpp"

int main(int argc, char** argv) {
    CLI::App app{"liveml-clip — CLIP image-text jobs of LiveML Studio on LibTorch (also run as "
                 "`liveml clip …`)",
                 "liveml-clip"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "liveml-clip " LIVEML_VERSION);
    app.footer(std::string(liveml::cli::kExitCodesHelp) + "\nSee docs/job-protocol.md.");
    liveml::cli::register_clip(app);
    return liveml::cli::run_cli(app, argc, argv);
}
