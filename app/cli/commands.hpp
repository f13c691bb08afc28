#pragma once
// Each `liveml` subcommand lives in its own file and registers itself on the root app.
// Exit codes shared by every subcommand (documented in docs/cli.md).
namespace CLI {
class App;
}

namespace liveml::cli {

enum ExitCode : int {
    kOk = 0,
    kFailure = 1,      // the work itself failed (bad input file, unreachable server, …)
    kUsage = 2,        // bad flags or arguments (CLI11's own parse errors also exit 2…)
    kPartial = 3,      // some inputs processed, some rejected (e.g. predict with a bad image)
    kInterrupted = 130 // stopped by SIGINT/SIGTERM after a clean shutdown
};

void register_fit(CLI::App& root);
void register_model(CLI::App& root);
void register_predict(CLI::App& root);
#ifdef LIVEML_WITH_STREAM
void register_broker(CLI::App& root);
void register_produce(CLI::App& root);
void register_train(CLI::App& root);
#endif
#ifdef LIVEML_WITH_STORE
void register_redis_clear(CLI::App& root);
#endif
#ifdef LIVEML_WITH_CLIP
void register_clip(CLI::App& root);
#endif

} // namespace liveml::cli
