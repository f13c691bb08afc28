// liveml clip train: contrastive training from scratch with checkpoints and resume.
#include "clip/clip_trainer.hpp"
#include "clip_commands.hpp"
#include "clip_job.hpp"
#include "dataset_flags.hpp"
#include "help_footer.hpp"
#include "rank_launcher.hpp"
#include "training_job.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <memory>
#include <optional>

namespace liveml::cli {
namespace {

struct TrainArgs {
    clip::TrainOptions options;
    DatasetFlags data;
    std::string out;
    ClipJobFlags flags;
    int nproc = 1;
    int collective_timeout_s = 300;
};

void run_train(const TrainArgs& args) {
    auto options = args.options;
    options.dataset = args.data.name;
    options.max_items = args.data.max_items;
    options.out = args.out;
    auto flags = args.flags;
    if (args.nproc > 1) {
        std::optional<clip::ProcessRank> rank;
        run_clip_job("train", flags, [&](JobReporter& reporter) {
            if (flags.runtime.device.starts_with("cuda:"))
                throw UsageError("--nproc gives rank r the GPU cuda:r; ask for --device cuda");
            if (options.batch_size < args.nproc)
                throw UsageError("--batch-size must be at least --nproc (each rank holds a share)");
            rank = rank_from_environment(args.nproc, args.collective_timeout_s);
            if (!rank) launch_ranks(args.nproc, args.collective_timeout_s, reporter);
        });
        if (!rank) return;
        options.rank = *rank;
        // --threads is the whole job's: the ranks share the cores.
        flags.runtime.threads = std::max(1, flags.runtime.threads / args.nproc);
    }
    run_training_job("train", options, flags);
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
    cmd->add_option("--nproc", args->nproc,
                    "data-parallel ranks (processes; one GPU each with --device cuda): the "
                    "global --batch-size is split among them, --threads shared")
        ->check(CLI::Range(1, 64))
        ->capture_default_str();
    cmd->add_option("--collective-timeout", args->collective_timeout_s,
                    "seconds a rank waits for the others before the job fails (--nproc)")
        ->check(CLI::Range(1, 86400))
        ->capture_default_str();
    args->flags.add_to(*cmd);
    cmd->footer(
        help_footer("  liveml-clip train --dataset fashion-mnist --out model --epochs 1 --json\n"
                    "  liveml clip train --dataset DIR --out model --resume\n"
                    "  liveml clip train --dataset digits --out model --nproc 2 --threads 2\n"
                    "  liveml clip train --dataset fashion-mnist --preset large --out teacher\n"));
    cmd->callback([args] { run_train(*args); });
}

} // namespace liveml::cli
