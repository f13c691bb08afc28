#include "clip/lora_finetune.hpp"

#include "clip/clip_encoder.hpp"
#include "clip/clip_evaluation.hpp"
#include "clip/clip_runtime.hpp"
#include "clip/contrastive_batch.hpp"
#include "clip/contrastive_loss.hpp"
#include "clip/model_io.hpp"
#include "clip/peft_adapter.hpp"
#include "clip/train_checkpoint.hpp"
#include "common/file_bytes.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <optional>
#include <stdexcept>

namespace liveml::clip {
namespace {

using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

constexpr double kReportEverySeconds = 1.0;
constexpr const char* kStateFile = "finetune_state.json";
constexpr const char* kTokenizerFiles[] = {"vocab.json", "merges.txt"};
constexpr std::size_t kMaxStateBytes = 1 << 20;

double seconds_since(Clock::time_point t) {
    return std::chrono::duration<double>(Clock::now() - t).count();
}

bool is_builtin(const std::string& dataset) {
    return dataset == "fashion-mnist" || dataset == "digits";
}

void validate(const FinetuneOptions& o) {
    if (o.base.empty()) throw std::invalid_argument("--base is required");
    if (o.out.empty()) throw std::invalid_argument("--out is required");
    if (fs::weakly_canonical(o.out) == fs::weakly_canonical(o.base))
        throw std::invalid_argument("--out must not be the --base folder");
    if (o.epochs <= 0) throw std::invalid_argument("--epochs must be > 0");
    if (o.batch_size < 2) throw std::invalid_argument("--batch-size must be >= 2");
    if (!(o.lr > 0) || !std::isfinite(o.lr)) throw std::invalid_argument("--lr must be > 0");
    if (o.warmup_fraction < 0 || o.warmup_fraction >= 1)
        throw std::invalid_argument("warm-up fraction must be in [0, 1)");
    if (!o.full) o.lora.validate();
    if (o.full && !o.merged_out.empty())
        throw std::invalid_argument("--merged-out is for adapters (--full writes a model)");
    if (!o.source.empty() && o.source != "none" && !is_builtin(o.source))
        throw std::invalid_argument("--source must be fashion-mnist, digits or none");
}

// What --resume needs to replay the same run: the step reached and the options that fix the
// data, the schedule and the adapters.
nlohmann::json state_json(const FinetuneOptions& o, std::int64_t step, std::int64_t total) {
    return {{"version", 1},
            {"step", step},
            {"total", total},
            {"base", o.base.string()},
            {"dataset", o.dataset},
            {"full", o.full},
            {"shots", o.shots},
            {"epochs", o.epochs},
            {"batch_size", o.batch_size},
            {"lr", o.lr},
            {"warmup_fraction", o.warmup_fraction},
            {"seed", o.seed},
            {"source", o.source},
            {"eval_items", o.eval_items},
            {"lora",
             {{"rank", o.lora.rank},
              {"alpha", o.lora.alpha},
              {"dropout", o.lora.dropout},
              {"rslora", o.lora.rslora},
              {"targets", o.lora.targets},
              {"towers", o.lora.towers}}}};
}

// The options of the checkpointed run (out, runtime and resume stay as requested) and its step.
std::pair<FinetuneOptions, std::int64_t> read_state(const FinetuneOptions& requested) {
    const auto path = requested.out / kStateFile;
    if (!fs::is_regular_file(path))
        throw std::runtime_error("--resume: " + requested.out.string() +
                                 " holds no fine-tuning checkpoint");
    try {
        const auto j = nlohmann::json::parse(read_file_bytes(path, kMaxStateBytes));
        if (j.at("version").get<int>() != 1) throw std::runtime_error("unknown version");
        FinetuneOptions o = requested;
        o.base = j.at("base").get<std::string>();
        o.dataset = j.at("dataset").get<std::string>();
        o.full = j.at("full").get<bool>();
        o.shots = j.at("shots").get<std::size_t>();
        o.epochs = j.at("epochs").get<int>();
        o.batch_size = j.at("batch_size").get<int>();
        o.lr = j.at("lr").get<double>();
        o.warmup_fraction = j.at("warmup_fraction").get<double>();
        o.seed = j.at("seed").get<std::uint64_t>();
        o.source = j.at("source").get<std::string>();
        o.eval_items = j.at("eval_items").get<std::size_t>();
        const auto& l = j.at("lora");
        o.lora.rank = l.at("rank").get<std::int64_t>();
        o.lora.alpha = l.at("alpha").get<double>();
        o.lora.dropout = l.at("dropout").get<double>();
        o.lora.rslora = l.at("rslora").get<bool>();
        o.lora.targets = l.at("targets").get<std::vector<std::string>>();
        o.lora.towers = l.at("towers").get<std::vector<std::string>>();
        validate(o);
        return {o, j.at("step").get<std::int64_t>()};
    } catch (const std::exception& e) {
        throw std::runtime_error(path.string() + " is not a usable checkpoint (" + e.what() + ")");
    }
}

// The base's own training data (for forgetting), when its training_state.json names a
// built-in set. A base without one, or with one this version cannot read, has no known source.
std::string base_source(const fs::path& base) {
    try {
        const auto state = read_train_state(base);
        if (state && is_builtin(state->options.dataset)) return state->options.dataset;
    } catch (const std::exception&) {
    }
    return {};
}

double zeroshot_top1(const fs::path& model, const fs::path& adapter, const std::string& dataset,
                     const FinetuneOptions& o) {
    const auto encoder = ClipEncoder::load(model, o.runtime, adapter);
    return evaluate_zeroshot(encoder, load_labelled_split(dataset, "test", o.eval_items)).top1;
}

class Finetune {
  public:
    Finetune(const FinetuneOptions& requested, const StopFn& stop, const ProgressFn& progress)
        : stop_(stop), progress_(progress) {
        options_ = requested;
        validate(options_);
        if (options_.resume) std::tie(options_, step_) = read_state(requested);
        start_step_ = step_;
        device_ = apply_runtime(options_.runtime);
        report("prepare", 0, 0);

        data_.emplace(TrainingSet::load(options_.dataset));
        if (options_.shots > 0) data_->keep_per_group(options_.shots, options_.seed);
        if (static_cast<std::size_t>(options_.batch_size) > data_->size())
            options_.batch_size = static_cast<int>(data_->size());
        batches_.emplace(data_->size(), options_.seed,
                         static_cast<std::size_t>(options_.batch_size));
        steps_per_epoch_ = batches_->steps_per_epoch();
        total_ = steps_per_epoch_ * options_.epochs;

        model_ = load_clip_model(options_.base);
        tokenizer::TokenizerOptions tok;
        tok.context_length = static_cast<int>(model_->config().text.max_position_embeddings);
        tokens_.emplace(tokenizer::ClipTokenizer::from_directory(options_.base, tok));
        for (const auto& p : model_->parameters())
            total_params_ += p.numel();

        result_.target.dataset = is_builtin(options_.dataset) ? options_.dataset : "";
        result_.source.dataset = options_.source == "none" ? ""
                                 : options_.source.empty() ? base_source(options_.base)
                                                           : options_.source;
        // Tuning on the base's own data: the target figures already say what changed there.
        if (result_.source.dataset == result_.target.dataset) result_.source.dataset.clear();
        evaluate_base();

        fs::create_directories(options_.out);
        if (options_.full) {
            if (options_.resume) model_ = load_clip_model(options_.out);
            model_->to(device_);
            model_->train();
            params_ = model_->parameters();
        } else {
            for (auto& p : model_->parameters())
                p.set_requires_grad(false);
            model_->to(device_);
            // The base is frozen, batch statistics included: eval mode for it, dropout for
            // the adapters.
            model_->eval();
            torch::manual_seed(options_.seed);
            lora_.emplace(options_.resume ? read_peft_adapter(options_.out, *model_)
                                          : LoraSet::attach(*model_, options_.lora));
            lora_->train(true);
            params_ = lora_->parameters();
        }
        for (const auto& p : params_)
            trainable_ += p.numel();
        optimizer_ = std::make_unique<torch::optim::AdamW>(
            params_, torch::optim::AdamWOptions(options_.lr).weight_decay(0.0));
        const auto optimizer_file = options_.out / kOptimizerFile;
        if (options_.resume && fs::exists(optimizer_file))
            torch::load(*optimizer_, optimizer_file.string(), device_);
    }

    FinetuneResult run() {
        const auto started = Clock::now();
        auto last_report = started;
        double loss_sum = 0, last_loss = 0;
        std::int64_t loss_count = 0;
        StepEta eta;
        bool stopped = false;
        while (step_ < total_) {
            if (stop_ && stop_()) {
                stopped = true;
                break;
            }
            const auto t0 = Clock::now();
            last_loss = train_step(batches_->at_step(step_));
            loss_sum += last_loss;
            ++loss_count;
            ++step_;
            eta.add(seconds_since(t0));
            const bool epoch_end = step_ % steps_per_epoch_ == 0;
            if (epoch_end || seconds_since(last_report) >= kReportEverySeconds) {
                report("train", loss_sum / static_cast<double>(loss_count),
                       eta.seconds_left(total_ - step_));
                loss_sum = 0;
                loss_count = 0;
                last_report = Clock::now();
            }
        }
        checkpoint();
        if (!stopped) {
            evaluate_tuned();
            if (lora_ && !options_.merged_out.empty())
                merge_adapter(options_.base, options_.out, options_.merged_out);
        }
        result_.step = step_;
        result_.total = total_;
        result_.start_step = start_step_;
        result_.stopped = stopped;
        result_.seconds = seconds_since(started);
        result_.final_loss = last_loss;
        result_.items = data_->size();
        result_.trainable = trainable_;
        result_.total_params = total_params_;
        result_.adapted_layers = lora_ ? lora_->slots().size() : 0;
        result_.device = device_text(device_);
        return result_;
    }

  private:
    double train_step(std::span<const std::size_t> items) {
        const auto batch = make_contrastive_batch(*data_, model_->config(), *tokens_, items,
                                                  static_cast<std::uint64_t>(step_), device_);
        set_adamw_lr(*optimizer_, cosine_lr(options_.lr, options_.warmup_fraction, step_, total_));
        const auto [img, txt] =
            embed_batch(*model_, batch, bf16_autocast(options_.runtime, device_, true));
        const auto logits = model_->logit_scale.exp() * torch::matmul(img, txt.t());
        const auto loss = contrastive_loss(logits, batch.image_groups, batch.text_groups);
        optimizer_->zero_grad();
        loss.backward();
        optimizer_->step();
        if (options_.full) clamp_logit_scale(*model_);
        return loss.item<double>();
    }

    void evaluate_base() {
        if (options_.resume) return; // measured by the run that started it; see below
        report("evaluate", 0, 0);
        for (auto* pair : {&result_.target, &result_.source})
            if (!pair->dataset.empty())
                pair->base_top1 = zeroshot_top1(options_.base, {}, pair->dataset, options_);
    }

    void evaluate_tuned() {
        report("evaluate", 0, 0);
        for (auto* pair : {&result_.target, &result_.source}) {
            if (pair->dataset.empty()) continue;
            // A resumed run measures the base now: the model files are the same.
            if (pair->base_top1 < 0)
                pair->base_top1 = zeroshot_top1(options_.base, {}, pair->dataset, options_);
            pair->tuned_top1 =
                options_.full ? zeroshot_top1(options_.out, {}, pair->dataset, options_)
                              : zeroshot_top1(options_.base, options_.out, pair->dataset, options_);
        }
    }

    // The adapter (or the whole model with --full), the optimizer and, last, the state that
    // makes it a checkpoint.
    void checkpoint() {
        report("checkpoint", 0, 0);
        if (options_.full) {
            save_clip_model(*model_, options_.out);
            for (const char* name : kTokenizerFiles)
                fs::copy_file(options_.base / name, options_.out / name,
                              fs::copy_options::overwrite_existing);
        } else {
            write_peft_adapter(options_.out, *lora_, options_.base.string());
        }
        const auto tmp = options_.out / (std::string(kOptimizerFile) + ".tmp");
        torch::save(*optimizer_, tmp.string());
        fs::rename(tmp, options_.out / kOptimizerFile);
        write_file_atomic(options_.out / kStateFile,
                          state_json(options_, step_, total_).dump(2) + "\n");
    }

    void report(const char* phase, double loss, double eta) {
        if (!progress_) return;
        TrainProgress p;
        p.phase = phase;
        p.step = step_;
        p.total = total_;
        p.loss = loss;
        p.eta_s = eta;
        p.epoch = steps_per_epoch_ > 0 ? static_cast<int>(step_ / steps_per_epoch_) : 0;
        progress_(p);
    }

    const StopFn& stop_;
    const ProgressFn& progress_;
    FinetuneOptions options_;
    torch::Device device_{torch::kCPU};
    std::optional<TrainingSet> data_;
    std::optional<tokenizer::ClipTokenizer> tokens_;
    ClipModel model_{nullptr};
    std::optional<LoraSet> lora_;
    std::vector<torch::Tensor> params_;
    std::unique_ptr<torch::optim::AdamW> optimizer_;
    FinetuneResult result_;
    std::int64_t trainable_ = 0, total_params_ = 0;
    std::int64_t step_ = 0, start_step_ = 0, total_ = 0, steps_per_epoch_ = 1;
    std::optional<EpochBatches> batches_;
};

} // namespace

FinetuneResult finetune_clip(const FinetuneOptions& options, const StopFn& stop,
                             const ProgressFn& progress) {
    Finetune run(options, stop, progress);
    return run.run();
}

MergeResult merge_adapter(const fs::path& base, const fs::path& adapter, const fs::path& out) {
    if (fs::exists(out) && fs::weakly_canonical(out) == fs::weakly_canonical(base))
        throw std::invalid_argument("--out must not be the --base folder");
    auto model = load_clip_model(base);
    auto lora = read_peft_adapter(adapter, *model);
    MergeResult r;
    r.layers = lora.slots().size();
    {
        torch::NoGradGuard no_grad;
        for (const auto& slot : lora.slots())
            r.max_change =
                std::max(r.max_change, (*slot.adapter)->delta_weight().abs().max().item<double>());
    }
    lora.merge();
    save_clip_model(*model, out);
    for (const char* name : kTokenizerFiles)
        fs::copy_file(base / name, out / name, fs::copy_options::overwrite_existing);
    return r;
}

} // namespace liveml::clip
