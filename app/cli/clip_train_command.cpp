// liveml clip train: contrastive training from scratch with checkpoints and resume.
#include "clip/clip_trainer.hpp"
#include "clip_commands.hpp"
#include "clip_job.hpp"
#include "dataset_flags.hpp"
#include "exit_codes.hpp"
#include "finite_numbers.hpp"
#include "help_footer.hpp"
#include "interrupt_flag.hpp"
#include "json_output.hpp"

#include <CLI/CLI.hpp>

#include <memory>

namespace liveml::cli {
namespace {

struct TrainArgs {
    clip::TrainOptions options;
    DatasetFlags data;
    std::string out;
    ClipJobFlags flags;
};

void run_train(const TrainArgs& args) {
    run_clip_job("train", args.flags, [&](JobReporter& reporter) {
        auto options = args.options;
        options.dataset = args.data.name;
        options.max_items = args.data.max_items;
        options.out = args.out;
        options.runtime = args.flags.runtime;
        const InterruptFlag interrupt;
        const auto result = clip::train_clip(
            options, [&] { return interrupt.raised(); },
            [&](const clip::TrainProgress& p) {
                const bool training = p.phase == "train";
                reporter.progress(p.phase, p.step, p.total, training ? p.loss : -1,
                                  training ? p.eta_s : -1);
            },
            [&](const std::string& reason) { reporter.skipped("", reason); });
        JsonObject fields;
        fields.add("model", args.out)
            .add("step", result.step)
            .add("total", result.total)
            .add("start_step", result.start_step)
            .add("epochs_done", result.epochs_done)
            .add("final_loss", result.final_loss)
            .add("seconds", result.seconds)
            .add("logit_scale", result.logit_scale)
            .add("device", result.device)
            .add("skipped", static_cast<std::uint64_t>(result.skipped))
            .add("stopped", result.stopped);
        reporter.result(fields);
        if (result.stopped) throw CLI::RuntimeError(kInterrupted);
        if (result.skipped > 0) throw CLI::RuntimeError(kPartial);
    });
}

} // namespace

void register_clip_train(CLI::App& clip) {
    auto args = std::make_shared<TrainArgs>();
    auto& o = args->options;
    auto* cmd = clip.add_subcommand(
        "train", "Train a CLIP model from scratch (symmetric InfoNCE, AdamW, cosine schedule)");
    args->data.add_to(*cmd, {.folders = true, .split = false})->required();
    cmd->add_option("--out", args->out, "model directory (Hugging Face layout + training state)")
        ->required();
    cmd->add_option("--epochs", o.epochs, "passes over the training data")
        ->check(CLI::Range(1, 100000))
        ->capture_default_str();
    cmd->add_option("--batch-size", o.batch_size, "pairs per step")
        ->check(CLI::Range(2, 65536))
        ->capture_default_str();
    cmd->add_option("--lr", o.lr, "peak learning rate (finite, > 0)")
        ->check(positive_finite())
        ->capture_default_str();
    cmd->add_option("--seed", o.seed, "initialisation and data order")->capture_default_str();
    cmd->add_flag("--resume", o.resume,
                  "continue the run checkpointed in --out (its settings are kept)");
    args->flags.add_to(*cmd);
    cmd->footer(
        help_footer("  liveml-clip train --dataset fashion-mnist --out model --epochs 1 --json\n"
                    "  liveml clip train --dataset DIR --out model --resume\n"));
    cmd->callback([args] { run_train(*args); });
}

} // namespace liveml::cli
