#pragma once
// Fine-tuning a trained CLIP model on new data as a resumable job: LoRA adapters on the
// chosen layers with the base frozen (written in PEFT's layout), or every weight (--full, the
// comparison the few-shot scenario asks for), with zero-shot accuracy of base and tuned on
// the new data and on the base's own data (what it forgets). Also merging an adapter into its
// base. Torch-free interface, like clip_trainer.hpp.
#include "clip/clip_trainer.hpp"
#include "clip/lora_settings.hpp"
#include "clip/runtime_options.hpp"

#include <cstdint>
#include <filesystem>
#include <string>

namespace liveml::clip {

struct FinetuneOptions {
    std::filesystem::path base; // model directory (config.json, model.safetensors, tokenizer)
    std::string dataset = "digits";
    std::filesystem::path out; // adapter folder (PEFT layout), or a model folder with `full`
    // With adapters: also write base + adapter merged into this ordinary model folder at the
    // end (what the studio offers to its other jobs). Empty: no merged copy.
    std::filesystem::path merged_out;
    LoraSettings lora;
    bool full = false;     // train every weight instead of adapters
    std::size_t shots = 0; // items per class (0 = all): few-shot adaptation
    int epochs = 10;
    int batch_size = 64;
    double lr = 1e-3; // adapters learn at ~1e-3; full fine-tuning wants ~1e-4
    double warmup_fraction = 0.05;
    std::uint64_t seed = 0;
    // The data the base was trained on, to measure forgetting: "" = what the base's
    // training_state.json names, if anything; "none" = skip.
    std::string source;
    std::size_t eval_items = 0; // test items per zero-shot evaluation (0 = the whole split)
    bool resume = false;        // continue from the checkpoint in `out`
    RuntimeOptions runtime;
};

struct ZeroShotPair {
    std::string dataset; // empty: not evaluated (user folder, or no source known)
    double base_top1 = -1;
    double tuned_top1 = -1;
};

struct FinetuneResult {
    std::int64_t step = 0, total = 0, start_step = 0;
    bool stopped = false; // SIGTERM: checkpoint written, not finished, no evaluation
    double seconds = 0;
    double final_loss = 0;
    std::size_t items = 0;           // training items after --shots
    std::int64_t trainable = 0;      // parameters trained
    std::int64_t total_params = 0;   // parameters of the base model
    std::size_t adapted_layers = 0;  // 0 with full
    ZeroShotPair target, source;
    std::string device;
};

// Throws std::invalid_argument for bad options, std::runtime_error for unusable data, base
// model or checkpoint. Progress phases: "prepare", "evaluate" (base, before training),
// "train", "checkpoint", "evaluate" (tuned).
FinetuneResult finetune_clip(const FinetuneOptions& options, const StopFn& stop,
                             const ProgressFn& progress);

struct MergeResult {
    std::size_t layers = 0;   // adapted layers folded into the weights
    double max_change = 0;    // largest |ΔW| over them
};

// base + adapter → an ordinary model folder at `out` (config, weights, tokenizer files).
MergeResult merge_adapter(const std::filesystem::path& base, const std::filesystem::path& adapter,
                          const std::filesystem::path& out);

} // namespace liveml::clip
