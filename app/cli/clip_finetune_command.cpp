// liveml clip finetune: LoRA adapters (PEFT layout) or every weight (--full) of a trained
// model tuned on new data, with base-vs-tuned zero-shot on the new data and the base's own;
// --merge folds an adapter into its base (docs/finetune.md).
#include "clip/lora_finetune.hpp"
#include "clip_commands.hpp"
#include "clip_job.hpp"
#include "finite_numbers.hpp"
#include "help_footer.hpp"
#include "interrupt_flag.hpp"
#include "json_output.hpp"

#include <CLI/CLI.hpp>

#include <cstdint>
#include <memory>
#include <stdexcept>

namespace liveml::cli {
namespace {

struct FinetuneArgs {
    clip::FinetuneOptions options;
    std::string base, out, adapter, merged_out, targets = "q,v,head", towers = "image,text";
    bool merge = false;
    ClipJobFlags flags;
};

// Checks a comma list while parsing, so a misspelt name is a usage error (exit 2).
CLI::Validator lora_list(const std::vector<std::string>& allowed, std::string flag) {
    return CLI::Validator(
        [allowed, flag](std::string& text) {
            try {
                clip::parse_lora_list(text, allowed, flag);
                return std::string{};
            } catch (const std::invalid_argument& e) {
                return std::string(e.what());
            }
        },
        "LIST");
}

std::string zeroshot_json(const clip::ZeroShotPair& pair) {
    JsonObject o;
    o.add("dataset", pair.dataset).add("base_top1", pair.base_top1).add("tuned_top1",
                                                                         pair.tuned_top1);
    return o.str();
}

void run_merge(const FinetuneArgs& args) {
    run_clip_job("finetune", args.flags, [&](JobReporter& reporter) {
        if (args.adapter.empty()) throw UsageError("--merge needs --adapter");
        reporter.progress("merge", 0, 1);
        const auto r = clip::merge_adapter(args.base, args.adapter, args.out);
        JsonObject fields;
        fields.add("model", args.out)
            .add("adapter", args.adapter)
            .add("merged_layers", static_cast<std::uint64_t>(r.layers))
            .add("max_weight_change", r.max_change);
        reporter.result(fields);
    });
}

void run_finetune(const FinetuneArgs& args) {
    if (args.merge) return run_merge(args);
    run_clip_job("finetune", args.flags, [&](JobReporter& reporter) {
        if (!args.adapter.empty()) throw UsageError("--adapter is only read with --merge");
        auto options = args.options;
        options.base = args.base;
        options.out = args.out;
        options.merged_out = args.merged_out;
        options.runtime = args.flags.runtime;
        options.lora.targets =
            clip::parse_lora_list(args.targets, clip::lora_target_names(), "--targets");
        options.lora.towers =
            clip::parse_lora_list(args.towers, clip::lora_tower_names(), "--towers");
        const InterruptFlag interrupt;
        const auto r = clip::finetune_clip(
            options, [&] { return interrupt.raised(); },
            [&](const clip::TrainProgress& p) {
                const bool training = p.phase == "train";
                reporter.progress(p.phase, p.step, p.total, training ? p.loss : -1,
                                  training ? p.eta_s : -1, p.metrics);
            });
        JsonObject fields;
        fields.add(options.full ? "model" : "adapter", options.out.string());
        if (!options.merged_out.empty()) fields.add("model", options.merged_out.string());
        fields
            .add("full", options.full)
            .add("step", r.step)
            .add("total", r.total)
            .add("start_step", r.start_step)
            .add("final_loss", r.final_loss)
            .add("seconds", r.seconds)
            .add("items", static_cast<std::uint64_t>(r.items))
            .add("trainable_parameters", r.trainable)
            .add("total_parameters", r.total_params)
            .add("trainable_percent", 100.0 * static_cast<double>(r.trainable) /
                                          static_cast<double>(std::max<std::int64_t>(
                                              r.total_params, 1)))
            .add("adapted_layers", static_cast<std::uint64_t>(r.adapted_layers))
            .add("device", r.device)
            .add("stopped", r.stopped);
        if (!r.target.dataset.empty()) fields.add_raw("target", zeroshot_json(r.target));
        if (!r.source.dataset.empty()) fields.add_raw("source", zeroshot_json(r.source));
        reporter.result(fields);
        if (r.stopped) throw CLI::RuntimeError(kInterrupted);
    });
}

} // namespace

void register_clip_finetune(CLI::App& clip) {
    auto args = std::make_shared<FinetuneArgs>();
    auto& o = args->options;
    auto& l = o.lora;
    auto* cmd = clip.add_subcommand(
        "finetune", "Fine-tune a trained model on new data with LoRA adapters (PEFT layout) or "
                    "every weight; --merge folds an adapter into its base");
    cmd->add_option("--base", args->base, "the trained model directory")
        ->required()
        ->check(CLI::ExistingDirectory);
    cmd->add_option("--out", args->out,
                    "adapter folder (model folder with --full or --merge); checkpoints go here")
        ->required();
    cmd->add_option("--dataset", o.dataset,
                    "fashion-mnist, digits, or a folder of images with captions")
        ->check(CLI::IsMember({"fashion-mnist", "digits"}) | CLI::ExistingDirectory)
        ->capture_default_str();
    cmd->add_option("--lora-rank", l.rank, "adapter rank r")
        ->check(CLI::Range(std::int64_t{1}, std::int64_t{1024}))
        ->capture_default_str();
    cmd->add_option("--lora-alpha", l.alpha, "scaling numerator: alpha/r (alpha/√r with --rslora)")
        ->check(positive_finite())
        ->capture_default_str();
    cmd->add_option("--lora-dropout", l.dropout, "dropout on the adapters' input while training")
        ->check(CLI::Range(0.0, 0.99))
        ->capture_default_str();
    cmd->add_flag("--rslora", l.rslora, "scale by alpha/√r (rsLoRA) instead of alpha/r");
    cmd->add_option("--targets", args->targets,
                    "layers to adapt: q,k,v,o (attention), fc1,fc2 (MLP), head (a CNN image "
                    "tower's linear layer), proj (the projections)")
        ->check(lora_list(clip::lora_target_names(), "--targets"))
        ->capture_default_str();
    cmd->add_option("--towers", args->towers, "image, text or both")
        ->check(lora_list(clip::lora_tower_names(), "--towers"))
        ->capture_default_str();
    cmd->add_option("--shots", o.shots, "training items per class (0 = every item)")
        ->check(CLI::Range(std::size_t{0}, std::size_t{1000000}))
        ->capture_default_str();
    cmd->add_option("--epochs", o.epochs, "passes over the (few-shot) training data")
        ->check(CLI::Range(1, 100000))
        ->capture_default_str();
    cmd->add_option("--batch-size", o.batch_size, "pairs per step")
        ->check(CLI::Range(2, 65536))
        ->capture_default_str();
    cmd->add_option("--lr", o.lr, "peak learning rate (finite, > 0; ~1e-4 for --full)")
        ->check(positive_finite())
        ->capture_default_str();
    cmd->add_option("--seed", o.seed, "adapter initialisation, shots and data order")
        ->capture_default_str();
    cmd->add_option("--source", o.source,
                    "the base's own data, to measure forgetting (default: what its "
                    "training_state.json names; none to skip)")
        ->check(CLI::IsMember({"fashion-mnist", "digits", "none"}));
    cmd->add_option("--eval-items", o.eval_items,
                    "test items per zero-shot evaluation (0 = the whole split)")
        ->capture_default_str();
    cmd->add_option("--merged-out", args->merged_out,
                    "also write base + adapter merged into this model folder at the end");
    cmd->add_flag("--full", o.full, "train every weight instead of adapters (the comparison)");
    cmd->add_flag("--resume", o.resume,
                  "continue the run checkpointed in --out (its settings are kept)");
    cmd->add_flag("--merge", args->merge,
                  "fold --adapter into --base and write an ordinary model to --out");
    cmd->add_option("--adapter", args->adapter, "the adapter folder to merge (with --merge)")
        ->check(CLI::ExistingDirectory);
    args->flags.add_to(*cmd);
    cmd->footer(help_footer(
        "  liveml clip finetune --base teacher --dataset digits --shots 16 --out adapter --json\n"
        "  liveml clip finetune --base teacher --dataset digits --shots 16 --full --lr 1e-4 "
        "--out tuned\n"
        "  liveml clip finetune --merge --base teacher --adapter adapter --out merged\n"));
    cmd->callback([args] { run_finetune(*args); });
}

} // namespace liveml::cli
