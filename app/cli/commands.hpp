#pragma once
// Each `liveml` subcommand lives in its own file and registers itself on the root app.
#include "exit_codes.hpp"

namespace CLI {
class App;
}

namespace liveml::cli {

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

} // namespace liveml::cli
