#pragma once
// Contrastive training of a CLIP model from scratch, as a resumable job. Torch-free
// interface: the CLI fills TrainOptions, passes a stop test tied to SIGTERM and receives
// progress callbacks.
#include "clip/distill_options.hpp"
#include "clip/process_rank.hpp"
#include "clip/runtime_options.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace liveml::clip {

struct TrainOptions {
    std::string dataset = "fashion-mnist"; // fashion-mnist | digits | folder with captions
    std::filesystem::path out;             // model directory, rewritten at every checkpoint
    int epochs = 5; // 3 gave 0.89 zero-shot on Fashion-MNIST, 5 gives 0.90 in ~4 min on 2 cores
    int batch_size = 256;
    double lr = 2e-3;
    double weight_decay = 0.05;
    double warmup_fraction = 0.05; // of all steps, linear from 0
    std::uint64_t seed = 0;
    std::size_t max_items = 0; // 0 = the whole training split (tests use a few hundred)
    int bpe_merges = 800;      // vocabulary learnt from the training captions
    bool resume = false;       // continue from the checkpoint in `out`
    // The model trained from scratch: "small" (default for the data) or "large" (the teacher
    // preset, large_cnn_config). Distillation builds its student from `distill` instead.
    std::string preset = "small";
    // Set: distil distill->teacher into a student instead of training contrastively alone.
    // The student takes the teacher's tokenizer, items are held out for validation, and the
    // best model by validation zero-shot top-1 is kept in out/best (then copied to out).
    std::optional<DistillOptions> distill;
    RuntimeOptions runtime;
    // Data parallelism (`--nproc`): this process's rank. Each rank embeds its share of every
    // global batch, the loss sees the gathered batch, gradients are averaged, rank 0 alone
    // writes checkpoints and reports progress; a stop request on any rank stops all at the same
    // step. Not saved with the checkpoint: a run may resume with another number of ranks.
    ProcessRank rank;
};

using NamedValues = std::vector<std::pair<std::string, double>>;

struct TrainProgress {
    // "prepare", "teacher-cache" (step = items embedded), "train", "checkpoint", "validate"
    std::string phase;
    std::int64_t step = 0;
    std::int64_t total = 0;
    double loss = 0;  // mean over the steps since the previous report
    double eta_s = 0; // for the remaining steps at the recent rate
    int epoch = 0;
    // "train" while distilling: each loss term's mean since the previous report;
    // "validate": the held-out zero-shot top1 and top5.
    NamedValues metrics;
};

struct TrainResult {
    std::int64_t step = 0;
    std::int64_t total = 0;
    int epochs_done = 0;
    double final_loss = 0;
    double seconds = 0;
    bool stopped = false; // SIGTERM: checkpoint written, training not finished
    std::int64_t start_step = 0;
    std::size_t skipped = 0; // unusable inputs of user data (rows, images), reported one by one
    double logit_scale = 0;
    std::string device;
    // Distillation only: the best validation zero-shot top-1 and its epoch (0: none yet), the
    // teacher cache file and whether it was reused, what --init-from-teacher copied.
    double best_top1 = -1;
    int best_epoch = 0;
    std::string teacher_cache;
    bool teacher_cache_reused = false;
    std::size_t inherited_copied = 0, inherited_sliced = 0;
};

using ProgressFn = std::function<void(const TrainProgress&)>;
// Polled between steps; true asks training to checkpoint and return.
using StopFn = std::function<bool()>;
// Called while loading user data for each row or image that is left out, with the reason
// ("captions.csv:4: image 'a.png' not found").
using SkipFn = std::function<void(const std::string& reason)>;

// Throws std::runtime_error for unusable data, options or checkpoints. When `stop` returns
// true, the current step finishes, a checkpoint is written and the result says stopped.
TrainResult train_clip(const TrainOptions& options, const StopFn& stop, const ProgressFn& progress,
                       const SkipFn& skipped = {});

} // namespace liveml::clip
