#pragma once
// What every contrastive training loop shares (training from scratch, distillation, LoRA
// fine-tuning): the data order of an epoch, the learning-rate schedule, one batch's tensors
// and its normalised embeddings. Torch header: include only from .cpp files and tests.
#include "clip/clip_model.hpp"
#include "clip/training_set.hpp"
#include "tokenizer/clip_tokenizer.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace liveml::clip {

// A permutation of 0..n-1 seeded by (seed, epoch), so a resumed run replays exactly the
// batches the interrupted one would have drawn.
std::vector<std::size_t> epoch_order(std::size_t n, std::uint64_t seed, std::int64_t epoch);

// The batches of a run in order: step s draws batch s mod steps-per-epoch of its epoch's
// epoch_order, drawn once when the run reaches that epoch.
class EpochBatches {
  public:
    EpochBatches(std::size_t items, std::uint64_t seed, std::size_t batch_size);
    std::int64_t steps_per_epoch() const;
    std::span<const std::size_t> at_step(std::int64_t step);

  private:
    std::size_t items_;
    std::uint64_t seed_;
    std::size_t batch_size_;
    std::int64_t epoch_ = -1;
    std::vector<std::size_t> order_;
};

// Linear warm-up from 0 over warmup_fraction of the steps, then cosine decay to 0.
double cosine_lr(double lr, double warmup_fraction, std::int64_t step, std::int64_t total);
// Sets the learning rate of every parameter group of an AdamW optimizer.
void set_adamw_lr(torch::optim::Optimizer& optimizer, double lr);

// Time left in a run from the smoothed duration of its steps.
class StepEta {
  public:
    void add(double step_seconds) {
        smoothed_ = smoothed_ == 0 ? step_seconds : 0.9 * smoothed_ + 0.1 * step_seconds;
    }
    double seconds_left(std::int64_t steps) const { return smoothed_ * static_cast<double>(steps); }

  private:
    double smoothed_ = 0;
};

// The pairs of one step. Under data parallelism (shards > 1) each rank holds only its share of
// the images and of the distinct captions (shard_rows), but the groups of the whole batch:
// the loss is computed on the gathered global batch.
struct ContrastiveBatch {
    torch::Tensor images;       // [B_shard, C, S, S]
    torch::Tensor ids;          // [T_shard, L]: each distinct caption of the batch once
    torch::Tensor image_groups; // [B] int64
    torch::Tensor text_groups;  // [T] int64
    std::vector<std::size_t> items;
    std::vector<std::string> captions;         // all T, in batch order
    std::vector<std::int64_t> image_rows_of;   // images held by each shard (sums to B)
    std::vector<std::int64_t> caption_rows_of; // captions encoded by each shard (sums to T)
};

// The batch of `items` at training step `step` (which picks the captions' wordings), on
// `device`; shard `shard` of `shards` (data-parallel ranks) keeps its rows only.
ContrastiveBatch make_contrastive_batch(const TrainingSet& data, const ClipConfig& config,
                                        const tokenizer::ClipTokenizer& tokens,
                                        std::span<const std::size_t> items, std::uint64_t step,
                                        torch::Device device, int shard = 0, int shards = 1);

// L2-normalised float32 image and text embeddings of the rows a batch holds (none: [0, D]), the
// forward under bf16 autocast
// when `bf16` (bf16 needs no loss scaling, and the loss is computed in fp32 from these).
struct BatchEmbeddings {
    torch::Tensor images, texts;
};
BatchEmbeddings embed_batch(ClipModelImpl& model, const ContrastiveBatch& batch, bool bf16);

// CLIP caps the temperature so logits never exceed 100 x cosine.
void clamp_logit_scale(ClipModelImpl& model);

} // namespace liveml::clip
