#pragma once
// The subcommands of `liveml clip`, each in its own file, attached to the group by
// register_clip (clip_command.cpp).
namespace CLI {
class App;
}

namespace liveml::cli {

void register_clip_train(CLI::App& clip);
void register_clip_eval(CLI::App& clip);
void register_clip_zeroshot(CLI::App& clip);
void register_clip_index(CLI::App& clip);
void register_clip_search(CLI::App& clip);
void register_clip_embed(CLI::App& clip);
void register_clip_tokenize(CLI::App& clip);

} // namespace liveml::cli
