#include "clip/clip_trainer.hpp"

#include "clip/clip_encoder.hpp"
#include "clip/clip_evaluation.hpp"
#include "clip/clip_runtime.hpp"
#include "clip/contrastive_batch.hpp"
#include "clip/contrastive_loss.hpp"
#include "clip/distillation.hpp"
#include "clip/model_io.hpp"
#include "clip/rank_group.hpp"
#include "clip/train_checkpoint.hpp"
#include "clip/training_set.hpp"
#include "common/file_bytes.hpp"
#include "tokenizer/bpe_trainer.hpp"
#include "tokenizer/clip_tokenizer.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <fstream>
#include <optional>
#include <stdexcept>

namespace liveml::clip {
namespace {

using Clock = std::chrono::steady_clock;

constexpr double kReportEverySeconds = 1.0;
// Distillation keeps its best model (by validation zero-shot top-1) here, inside --out.
constexpr const char* kBestDir = "best";
constexpr const char* kBestFile = "best.json";

double seconds_since(Clock::time_point t) {
    return std::chrono::duration<double>(Clock::now() - t).count();
}

void validate(const TrainOptions& o) {
    if (o.out.empty()) throw std::invalid_argument("--out is required");
    if (o.epochs <= 0) throw std::invalid_argument("--epochs must be > 0");
    if (o.batch_size < 2) throw std::invalid_argument("--batch-size must be >= 2");
    if (!(o.lr > 0) || !std::isfinite(o.lr)) throw std::invalid_argument("--lr must be > 0");
    if (o.weight_decay < 0) throw std::invalid_argument("weight decay must be >= 0");
    if (o.warmup_fraction < 0 || o.warmup_fraction >= 1)
        throw std::invalid_argument("warm-up fraction must be in [0, 1)");
    if (o.preset != "small" && o.preset != "large")
        throw std::invalid_argument("--preset must be small or large");
    if (o.rank.distributed() && o.distill)
        // The distillation loss reads teacher embeddings per local item and the light
        // student's ResNet has batch norm, whose statistics would need synchronising.
        throw std::invalid_argument("--nproc > 1 trains from scratch only (clip train)");
    if (o.rank.distributed() && o.batch_size < o.rank.world_size)
        throw std::invalid_argument("--batch-size must be at least --nproc");
    if (!o.distill) return;
    const auto& d = *o.distill;
    if (d.teacher.empty()) throw std::invalid_argument("--teacher is required");
    if (!(d.alpha >= 0) || !std::isfinite(d.alpha))
        throw std::invalid_argument("--alpha must be finite and >= 0");
    if (!(d.temperature > 0) || !std::isfinite(d.temperature))
        throw std::invalid_argument("--temperature must be finite and > 0");
    if (d.student != "small" && d.student != "light" &&
        !std::filesystem::is_regular_file(d.student))
        throw std::invalid_argument("--student '" + d.student +
                                    "' is neither small, light nor a config file");
}

// The model files of a checkpoint directory (what the best model keeps).
constexpr const char* kModelFiles[] = {"config.json", "model.safetensors", "vocab.json",
                                       "merges.txt"};

void copy_model_files(const std::filesystem::path& from, const std::filesystem::path& to) {
    std::filesystem::create_directories(to);
    for (const char* name : kModelFiles)
        std::filesystem::copy_file(from / name, to / name,
                                   std::filesystem::copy_options::overwrite_existing);
}

std::unique_ptr<torch::optim::AdamW> make_optimizer(ClipModelImpl& model, const TrainOptions& o) {
    // No decay on gains, biases and the temperature, as in CLIP.
    std::vector<torch::Tensor> decay, no_decay;
    for (auto& item : model.named_parameters()) {
        const auto& name = item.key();
        // A key bias adds the same q·b to every logit of a query's softmax, so its gradient is
        // zero in exact arithmetic; AdamW would turn the rounding noise into full-size steps
        // (a random walk that changes nothing but makes runs irreproducible across ranks).
        if (name.ends_with("k_proj.bias")) continue;
        const bool exempt = item.value().dim() < 2 || name.find("norm") != std::string::npos;
        (exempt ? no_decay : decay).push_back(item.value());
    }
    std::vector<torch::optim::OptimizerParamGroup> groups;
    groups.emplace_back(decay, std::make_unique<torch::optim::AdamWOptions>(
                                   torch::optim::AdamWOptions(o.lr).weight_decay(o.weight_decay)));
    groups.emplace_back(no_decay, std::make_unique<torch::optim::AdamWOptions>(
                                      torch::optim::AdamWOptions(o.lr).weight_decay(0.0)));
    return std::make_unique<torch::optim::AdamW>(std::move(groups),
                                                 torch::optim::AdamWOptions(o.lr));
}

class Run {
  public:
    Run(const TrainOptions& requested, const StopFn& stop, const ProgressFn& progress,
        const SkipFn& skipped)
        : stop_(stop), progress_(progress) {
        options_ = requested;
        validate(options_);
        device_ = apply_runtime(options_.runtime);
        if (options_.rank.distributed()) join_ranks();
        std::filesystem::create_directories(options_.out);
        if (options_.resume) {
            const auto state = read_train_state(options_.out);
            if (!state)
                throw std::runtime_error("--resume: " + options_.out.string() +
                                         " holds no training checkpoint");
            const auto runtime = options_.runtime;
            options_ = state->options;
            options_.out = requested.out;
            options_.runtime = runtime;
            options_.rank = requested.rank;
            options_.resume = true;
            step_ = state->step;
        }
        report("prepare", 0, 0);
        data_.emplace(TrainingSet::load(options_.dataset, options_.max_items));
        if (skipped)
            for (const auto& problem : data_->problems())
                skipped(problem);
        if (options_.distill) prepare_distillation();
        if (static_cast<std::size_t>(options_.batch_size) > data_->size())
            options_.batch_size = static_cast<int>(data_->size());
        batches_.emplace(data_->size(), options_.seed,
                         static_cast<std::size_t>(options_.batch_size));
        steps_per_epoch_ = batches_->steps_per_epoch();
        total_ = steps_per_epoch_ * options_.epochs;
        start_step_ = step_;
        if (options_.resume) {
            model_ = load_clip_model(options_.out);
        } else if (distill_) {
            distill_->write_tokenizer(options_.out);
        } else if (first_rank()) {
            tokenizer::train_bpe(data_->caption_corpus(),
                                 static_cast<std::size_t>(options_.bpe_merges))
                .write(options_.out);
        }
        if (group_) group_->barrier(); // rank 0 has written the tokenizer the others read
        tokenizer::TokenizerOptions tok_options;
        tokens_.emplace(tokenizer::ClipTokenizer::from_directory(options_.out, tok_options));
        if (!options_.resume) {
            torch::manual_seed(options_.seed);
            model_ = ClipModel(initial_config());
            if (distill_ && options_.distill->init_from_teacher)
                inherited_ = distill_->init_student(*model_);
        }
        model_->to(device_);
        if (group_) {
            // Same seed everywhere already; broadcasting makes identical replicas a fact.
            std::vector<torch::Tensor> state = model_->parameters();
            for (const auto& buffer : model_->buffers())
                state.push_back(buffer);
            group_->broadcast_from_first(state);
        }
        optimizer_ = make_optimizer(*model_, options_);
        if (options_.resume && std::filesystem::exists(options_.out / kOptimizerFile))
            load_optimizer_state();
    }

    TrainResult run() {
        const auto started = Clock::now();
        auto last_report = started;
        double loss_sum = 0, last_loss = 0;
        NamedValues term_sums;
        std::int64_t loss_count = 0;
        StepEta eta;
        bool stopped = false;
        model_->train();
        while (step_ < total_) {
            const bool asked = stop_ && stop_();
            if (group_ ? group_->any(asked) : asked) {
                stopped = true;
                break;
            }
            const auto t0 = Clock::now();
            const auto terms = train_step(batches_->at_step(step_), last_loss);
            loss_sum += last_loss;
            if (term_sums.empty()) term_sums = NamedValues(terms.size(), {"", 0.0});
            for (std::size_t i = 0; i < terms.size(); ++i)
                term_sums[i] = {terms[i].first, term_sums[i].second + terms[i].second};
            ++loss_count;
            ++step_;
            eta.add(seconds_since(t0));
            const bool epoch_end = step_ % steps_per_epoch_ == 0;
            if (epoch_end || seconds_since(last_report) >= kReportEverySeconds) {
                for (auto& [_, sum] : term_sums)
                    sum /= static_cast<double>(loss_count);
                report("train", loss_sum / static_cast<double>(loss_count),
                       eta.seconds_left(total_ - step_), term_sums);
                loss_sum = 0;
                term_sums.clear();
                loss_count = 0;
                last_report = Clock::now();
            }
            if (epoch_end) {
                checkpoint();
                if (validation_) validate_epoch();
            }
        }
        if (stopped) checkpoint();
        const bool keep_best = !stopped && best_epoch_ > 0;
        if (keep_best) copy_model_files(options_.out / kBestDir, options_.out);
        TrainResult r;
        r.step = step_;
        r.total = total_;
        r.start_step = start_step_;
        r.epochs_done = static_cast<int>(step_ / steps_per_epoch_);
        r.final_loss = last_loss;
        r.seconds = seconds_since(started);
        r.stopped = stopped;
        r.skipped = data_->problems().size();
        r.logit_scale = model_->logit_scale.exp().item<double>();
        r.device = device_text(device_);
        r.best_top1 = best_top1_;
        r.best_epoch = best_epoch_;
        if (distill_) {
            r.teacher_cache = distill_->cache_file().string();
            r.teacher_cache_reused = distill_->cache_reused();
        }
        r.inherited_copied = inherited_.copied;
        r.inherited_sliced = inherited_.sliced;
        return r;
    }

  private:
    bool first_rank() const { return options_.rank.rank == 0; }

    void load_optimizer_state() {
        const auto file = options_.out / kOptimizerFile;
        try {
            torch::load(*optimizer_, file.string(), device_);
        } catch (const c10::Error& e) {
            // E.g. a checkpoint of a build that still trained the key biases.
            throw std::runtime_error("--resume: " + file.string() +
                                     " does not fit this model's optimizer (" +
                                     e.what_without_backtrace() + ")");
        }
    }

    // Joins the other ranks; on CUDA each rank takes the GPU of its index.
    void join_ranks() {
        if (device_.is_cuda()) {
            const auto gpus = static_cast<int>(torch::cuda::device_count());
            if (options_.rank.world_size > gpus)
                throw std::invalid_argument("--nproc " + std::to_string(options_.rank.world_size) +
                                            " on CUDA needs a GPU per rank; LibTorch sees " +
                                            std::to_string(gpus));
            device_ =
                torch::Device(torch::kCUDA, static_cast<torch::DeviceIndex>(options_.rank.rank));
        }
        group_.emplace(options_.rank, device_);
    }

    void prepare_distillation() {
        // At most a fifth of the set, so the default 2,000 still leaves digits (1,433 items) to
        // train.
        validation_ =
            data_->hold_out(std::min(options_.distill->validation_items, data_->size() / 5));
        distill_.emplace(*options_.distill, *data_, options_.runtime, device_,
                         [&](std::size_t done, std::size_t total) {
                             report_count("teacher-cache", done, total);
                         });
        if (options_.resume) read_best();
    }

    ClipConfig initial_config() const {
        if (distill_) return distill_->student_config(*data_);
        const auto vocab = static_cast<std::int64_t>(tokens_->vocab_size());
        auto config = data_->default_config(vocab, tokens_->sot_id(), tokens_->eot_id());
        if (options_.preset == "small") return config;
        auto large = large_cnn_config(vocab, tokens_->sot_id(), tokens_->eot_id(),
                                      config.vision.image_size, config.vision.num_channels);
        // As many stages as the default fits to the image (8x8 digits: three).
        large.vision.cnn_channels.resize(config.vision.cnn_channels.size());
        return large;
    }

    // Zero-shot on the held-out items with the checkpoint just written; a better top-1 than
    // before replaces out/best.
    void validate_epoch() {
        const auto encoder = ClipEncoder::load(options_.out, options_.runtime);
        const auto metrics = evaluate_zeroshot(encoder, *validation_);
        const int epoch = static_cast<int>(step_ / steps_per_epoch_);
        report("validate", 0, 0, {{"top1", metrics.top1}, {"top5", metrics.top5}});
        if (metrics.top1 <= best_top1_) return;
        best_top1_ = metrics.top1;
        best_epoch_ = epoch;
        copy_model_files(options_.out, options_.out / kBestDir);
        const nlohmann::json best = {{"epoch", epoch}, {"top1", best_top1_}};
        write_file_atomic(options_.out / kBestDir / kBestFile, best.dump() + "\n");
    }

    void read_best() {
        std::ifstream in(options_.out / kBestDir / kBestFile);
        if (!in) return;
        try {
            const auto best = nlohmann::json::parse(in);
            best_top1_ = best.at("top1").get<double>();
            best_epoch_ = best.at("epoch").get<int>();
        } catch (const std::exception& e) {
            throw std::runtime_error((options_.out / kBestDir / kBestFile).string() +
                                     " is not a usable record of the best epoch (" + e.what() +
                                     ")");
        }
    }

    // Runs one step; `loss` receives the total, the result holds the distillation terms.
    NamedValues train_step(std::span<const std::size_t> items, double& loss_value) {
        const auto batch = make_contrastive_batch(*data_, model_->config(), *tokens_, items,
                                                  static_cast<std::uint64_t>(step_), device_,
                                                  options_.rank.rank, options_.rank.world_size);
        set_adamw_lr(*optimizer_, cosine_lr(options_.lr, options_.warmup_fraction, step_, total_));

        auto [img, txt] =
            embed_batch(*model_, batch, bf16_autocast(options_.runtime, device_, true));
        if (group_) {
            img = gather_rows_with_grad(*group_, img, batch.image_rows_of);
            txt = gather_rows_with_grad(*group_, txt, batch.caption_rows_of);
        }
        StepLoss loss;
        if (distill_) {
            loss = distill_->loss(img, txt, model_->logit_scale.exp(), batch.items, batch.captions,
                                  batch.image_groups, batch.text_groups);
        } else {
            const auto logits = model_->logit_scale.exp() * torch::matmul(img, txt.t());
            loss.total = contrastive_loss(logits, batch.image_groups, batch.text_groups);
        }
        optimizer_->zero_grad();
        loss.total.backward();
        if (group_) group_->average_gradients(model_->parameters());
        optimizer_->step();
        clamp_logit_scale(*model_);
        loss_value = loss.total.item<double>();
        NamedValues terms;
        for (const auto& [name, value] : loss.terms)
            terms.emplace_back(name, value.item<double>());
        return terms;
    }

    void checkpoint() {
        if (!first_rank()) return; // the replicas are identical; one writes
        report("checkpoint", 0, 0);
        save_clip_model(*model_, options_.out);
        const auto tmp = options_.out / (std::string(kOptimizerFile) + ".tmp");
        torch::save(*optimizer_, tmp.string());
        std::filesystem::rename(tmp, options_.out / kOptimizerFile);
        // Written last: a checkpoint counts once its state names the step it reached.
        write_train_state(options_.out, TrainState{step_, total_, options_});
    }

    void report(const char* phase, double loss, double eta, NamedValues metrics = {}) {
        if (!progress_ || !first_rank()) return;
        TrainProgress p;
        p.phase = phase;
        p.step = step_;
        p.total = total_;
        p.loss = loss;
        p.eta_s = eta;
        p.epoch = steps_per_epoch_ > 0 ? static_cast<int>(step_ / steps_per_epoch_) : 0;
        p.metrics = std::move(metrics);
        progress_(p);
    }

    // A phase that counts its own units (items embedded for the teacher cache).
    void report_count(const char* phase, std::size_t done, std::size_t total) {
        if (!progress_) return;
        TrainProgress p;
        p.phase = phase;
        p.step = static_cast<std::int64_t>(done);
        p.total = static_cast<std::int64_t>(total);
        progress_(p);
    }

    const StopFn& stop_;
    const ProgressFn& progress_;
    TrainOptions options_;
    torch::Device device_{torch::kCPU};
    std::optional<TrainingSet> data_;
    std::optional<tokenizer::ClipTokenizer> tokens_;
    ClipModel model_{nullptr};
    std::unique_ptr<torch::optim::AdamW> optimizer_;
    std::optional<Distillation> distill_;
    std::optional<datasets::ImageClassDataset> validation_;
    InheritReport inherited_;
    double best_top1_ = -1;
    int best_epoch_ = 0;
    std::int64_t step_ = 0, start_step_ = 0, total_ = 0, steps_per_epoch_ = 1;
    std::optional<EpochBatches> batches_;
    std::optional<RankGroup> group_; // set with --nproc > 1
};

} // namespace

TrainResult train_clip(const TrainOptions& options, const StopFn& stop, const ProgressFn& progress,
                       const SkipFn& skipped) {
    Run run(options, stop, progress, skipped);
    return run.run();
}

} // namespace liveml::clip
