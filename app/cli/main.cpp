#include <CLI/CLI.hpp>

#include <exception>
#include <iostream>

#include "commands.hpp"

int main(int argc, char** argv) {
    CLI::App app{"liveml — headless online-learning tools of LiveML Studio", "liveml"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "liveml " LIVEML_VERSION);
    app.footer("Exit codes: 0 ok, 1 failure, 2 usage error, 3 partial failure, 130 interrupted.\n"
               "See docs/cli.md.");

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
#ifdef LIVEML_WITH_CLIP
    liveml::cli::register_clip(app);
#endif

    try {
        app.parse(argc, argv);
    } catch (const CLI::RuntimeError& e) {
        // Subcommands end with a specific exit code by throwing CLI::RuntimeError(code).
        return e.get_exit_code();
    } catch (const CLI::ParseError& e) {
        const int rc = app.exit(e);
        return rc == 0 ? liveml::cli::kOk : liveml::cli::kUsage;
    } catch (const std::exception& e) {
        std::cerr << "liveml: " << e.what() << '\n';
        return liveml::cli::kFailure;
    }
    return liveml::cli::kOk;
}
