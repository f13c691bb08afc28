#pragma once
// The jobs of `liveml-clip` (reached as `liveml clip …` too), each in its own file, attached
// to the root app by register_clip (clip_command.cpp).
namespace CLI {
class App;
}

namespace liveml::cli {

void register_clip(CLI::App& root);

void register_clip_train(CLI::App& clip);
void register_clip_eval(CLI::App& clip);
void register_clip_zeroshot(CLI::App& clip);
void register_clip_index(CLI::App& clip);
void register_clip_search(CLI::App& clip);
void register_clip_embed(CLI::App& clip);
void register_clip_tokenize(CLI::App& clip);
void register_clip_compare(CLI::App& clip);
void register_clip_distill(CLI::App& clip);
void register_clip_finetune(CLI::App& clip);
// Only with LIVEML_STREAM (Kafka): bucket notifications into the index.
void register_clip_ingest(CLI::App& clip);
void register_clip_bucket_watch(CLI::App& clip);

} // namespace liveml::cli
