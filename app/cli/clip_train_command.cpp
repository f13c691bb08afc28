// liveml clip train: contrastive training from scratch with checkpoints and resume.
#include "clip/clip_trainer.hpp"
#include "clip_commands.hpp"
#include "clip_job.hpp"
#include "dataset_flags.hpp"
#include "help_footer.hpp"
#include "training_job.hpp"

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
    auto options = args.options;
    options.dataset = args.data.name;
    options.max_items = args.data.max_items;
    options.out = args.out;
    run_training_job("train", options, args.flags);
}

} // namespace

void register_clip_train(CLI::App& clip) {
    auto args = std::make_shared<TrainArgs>();
    auto* cmd = clip.add_subcommand(
        "train", "Train a CLIP model from scratch (symmetric InfoNCE, AdamW, cosine schedule)");
    args->data.add_to(*cmd, {.folders = true, .split = false})->required();
    add_training_flags(*cmd, args->options, args->out);
    cmd->add_option("--preset", args->options.preset,
                    "model size: small (the default for the data) or large (the distillation "
                    "teacher, about 14x the parameters)")
        ->check(CLI::IsMember({"small", "large"}))
        ->capture_default_str();
    args->flags.add_to(*cmd);
    cmd->footer(
        help_footer("  liveml-clip train --dataset fashion-mnist --out model --epochs 1 --json\n"
                    "  liveml clip train --dataset DIR --out model --resume\n"
                    "  liveml clip train --dataset fashion-mnist --preset large --out teacher\n"));
    cmd->callback([args] { run_train(*args); });
}

} // namespace liveml::cli
