// `liveml`: learners, digits, stream and store commands, with no LibTorch or FAISS so it
// starts in milliseconds; `liveml clip …` hands over to `liveml-clip` (clip_dispatch.hpp).
#include <CLI/CLI.hpp>

#include <string_view>

#include "cli_main.hpp"
#include "clip_dispatch.hpp"
#include "commands.hpp"

int main(int argc, char** argv) {
    if (argc >= 2 && std::string_view(argv[1]) == "clip")
        return liveml::cli::exec_liveml_clip(argc, argv);

    CLI::App app{"liveml — headless online-learning tools of LiveML Studio", "liveml"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "liveml " LIVEML_VERSION);
    app.footer(std::string(liveml::cli::kExitCodesHelp) + "\nSee docs/cli.md.");

    liveml::cli::register_fit(app);
    liveml::cli::register_model(app);
    liveml::cli::register_predict(app);
#ifdef LIVEML_WITH_STREAM
    liveml::cli::register_broker(app);
    liveml::cli::register_produce(app);
    liveml::cli::register_train(app);
#endif
#ifdef LIVEML_WITH_STORE
    liveml::cli::register_redis_clear(app);
#endif
    liveml::cli::register_clip_dispatch(app);
    return liveml::cli::run_cli(app, argc, argv);
}
