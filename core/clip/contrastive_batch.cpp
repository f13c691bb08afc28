#include "clip/contrastive_batch.hpp"

#include "clip/autocast_scope.hpp"
#include "clip/image_input.hpp"
#include "clip/process_rank.hpp"
#include "clip/token_tensor.hpp"

#include <cmath>
#include <numeric>
#include <random>
#include <unordered_map>

namespace liveml::clip {

std::vector<std::size_t> epoch_order(std::size_t n, std::uint64_t seed, std::int64_t epoch) {
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::mt19937_64 rng(seed * 1'000'003ULL + static_cast<std::uint64_t>(epoch));
    std::shuffle(order.begin(), order.end(), rng);
    return order;
}

EpochBatches::EpochBatches(std::size_t items, std::uint64_t seed, std::size_t batch_size)
    : items_(items), seed_(seed), batch_size_(batch_size) {}

std::int64_t EpochBatches::steps_per_epoch() const {
    return static_cast<std::int64_t>(items_ / batch_size_); // the last partial batch is dropped
}

std::span<const std::size_t> EpochBatches::at_step(std::int64_t step) {
    const auto epoch = step / steps_per_epoch();
    if (epoch != epoch_) {
        order_ = epoch_order(items_, seed_, epoch);
        epoch_ = epoch;
    }
    const auto index = static_cast<std::size_t>(step % steps_per_epoch());
    return std::span<const std::size_t>(order_).subspan(index * batch_size_, batch_size_);
}

void set_adamw_lr(torch::optim::Optimizer& optimizer, double lr) {
    for (auto& group : optimizer.param_groups())
        static_cast<torch::optim::AdamWOptions&>(group.options()).lr(lr);
}

double cosine_lr(double lr, double warmup_fraction, std::int64_t step, std::int64_t total) {
    const auto warmup = static_cast<std::int64_t>(warmup_fraction * static_cast<double>(total));
    if (step < warmup) return lr * static_cast<double>(step + 1) / static_cast<double>(warmup);
    const double progress = static_cast<double>(step - warmup) /
                            static_cast<double>(std::max<std::int64_t>(total - warmup, 1));
    return lr * 0.5 * (1.0 + std::cos(M_PI * progress));
}

ContrastiveBatch make_contrastive_batch(const TrainingSet& data, const ClipConfig& config,
                                        const tokenizer::ClipTokenizer& tokens,
                                        std::span<const std::size_t> items, std::uint64_t step,
                                        torch::Device device, int shard, int shards) {
    const auto batch = items.size();
    const auto mine = shard_rows(batch, shard, shards);
    const auto per_image = image_input_floats(config);
    std::vector<float> pixels(mine.count * per_image);
    std::vector<std::int64_t> image_groups(batch);
    ContrastiveBatch out;
    out.items.assign(items.begin(), items.end());
    // Each distinct caption is encoded once; its group ties it to its images.
    std::vector<std::int64_t> text_groups;
    std::unordered_map<std::string, std::size_t> seen;
    for (std::size_t b = 0; b < batch; ++b) {
        const auto item = items[b];
        if (b >= mine.begin && b < mine.begin + mine.count)
            data.image_input(item, config,
                             {pixels.data() + (b - mine.begin) * per_image, per_image});
        image_groups[b] = data.group(item);
        auto caption = data.caption(item, step);
        if (seen.try_emplace(caption, out.captions.size()).second) {
            out.captions.push_back(std::move(caption));
            text_groups.push_back(image_groups[b]);
        }
    }
    for (int s = 0; s < shards; ++s) {
        out.image_rows_of.push_back(static_cast<std::int64_t>(shard_rows(batch, s, shards).count));
        out.caption_rows_of.push_back(
            static_cast<std::int64_t>(shard_rows(out.captions.size(), s, shards).count));
    }
    const auto my_captions = shard_rows(out.captions.size(), shard, shards);
    const auto& v = config.vision;
    const auto n = static_cast<std::int64_t>(mine.count);
    out.images = torch::from_blob(pixels.data(), {n, v.num_channels, v.image_size, v.image_size},
                                  torch::kFloat32)
                     .to(device, /*non_blocking=*/false, /*copy=*/true);
    out.ids = token_tensor(tokens.encode_batch(std::span<const std::string>(out.captions)
                                                   .subspan(my_captions.begin, my_captions.count)))
                  .to(device);
    out.image_groups =
        torch::from_blob(image_groups.data(), {static_cast<std::int64_t>(batch)}, torch::kInt64)
            .to(device, /*non_blocking=*/false, /*copy=*/true);
    out.text_groups =
        torch::from_blob(text_groups.data(), {static_cast<std::int64_t>(text_groups.size())},
                         torch::kInt64)
            .to(device, /*non_blocking=*/false, /*copy=*/true);
    return out;
}

BatchEmbeddings embed_batch(ClipModelImpl& model, const ContrastiveBatch& batch, bool bf16) {
    torch::Tensor img, txt;
    {
        const AutocastScope autocast(batch.images.device(), bf16);
        // A rank of a small batch may hold no captions (or images): no forward for it.
        const auto none = torch::zeros({0, model.config().projection_dim},
                                       torch::TensorOptions().device(batch.images.device()));
        img = batch.images.size(0) > 0 ? model.encode_image(batch.images) : none;
        txt = batch.ids.size(0) > 0 ? model.encode_text(batch.ids) : none;
    }
    return {l2_normalize(img.to(torch::kFloat32)), l2_normalize(txt.to(torch::kFloat32))};
}

void clamp_logit_scale(ClipModelImpl& model) {
    static const double kMaxLogitScale = std::log(100.0);
    torch::NoGradGuard no_grad;
    model.logit_scale.clamp_(0.0, kMaxLogitScale);
}

} // namespace liveml::clip
