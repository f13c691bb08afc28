#include "clip_commands.hpp"

#include <CLI/CLI.hpp>

namespace liveml::cli {

void register_clip(CLI::App& root) {
    register_clip_train(root);
    register_clip_eval(root);
    register_clip_zeroshot(root);
    register_clip_index(root);
    register_clip_search(root);
    register_clip_embed(root);
    register_clip_tokenize(root);
    register_clip_compare(root);
    register_clip_distill(root);
    register_clip_finetune(root);
#ifdef LIVEML_WITH_INGEST
    register_clip_ingest(root);
    register_clip_bucket_watch(root);
#endif
}

} // namespace liveml::cli
