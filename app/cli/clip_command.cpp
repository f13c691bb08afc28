#include "clip_commands.hpp"
#include "commands.hpp"

#include <CLI/CLI.hpp>

namespace liveml::cli {

void register_clip(CLI::App& root) {
    auto* clip = root.add_subcommand(
        "clip", "CLIP image-text jobs on LibTorch: train, eval, zeroshot, index, search, embed");
    clip->require_subcommand(1);
    register_clip_train(*clip);
    register_clip_eval(*clip);
    register_clip_zeroshot(*clip);
    register_clip_index(*clip);
    register_clip_search(*clip);
    register_clip_embed(*clip);
    register_clip_tokenize(*clip);
}

} // namespace liveml::cli
