// liveml clip distill: a small student learns from a teacher's cached outputs (docs/clip.md,
// "Distillation"), with the checkpoints, resume and progress of `clip train`.
#include "clip/clip_trainer.hpp"
#include "clip_commands.hpp"
#include "clip_job.hpp"
#include "dataset_flags.hpp"
#include "finite_numbers.hpp"
#include "help_footer.hpp"
#include "training_job.hpp"

#include <CLI/CLI.hpp>

#include <cstdlib>
#include <memory>

namespace liveml::cli {
namespace {

struct DistillArgs {
    clip::TrainOptions options;
    clip::DistillOptions distill;
    std::string loss = "clipkd";
    std::string cache_dir;
    DatasetFlags data{.name = "fashion-mnist"};
    std::string out;
    ClipJobFlags flags;
};

// $XDG_CACHE_HOME/liveml/teacher-outputs, else ~/.cache/…, else beside the student.
std::filesystem::path default_cache_dir(const std::filesystem::path& out) {
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
        return std::filesystem::path(xdg) / "liveml" / "teacher-outputs";
    if (const char* home = std::getenv("HOME"); home && *home)
        return std::filesystem::path(home) / ".cache" / "liveml" / "teacher-outputs";
    return out / "teacher-outputs";
}

void run_distill(const DistillArgs& args) {
    auto options = args.options;
    options.dataset = args.data.name;
    options.max_items = args.data.max_items;
    options.out = args.out;
    auto distill = args.distill;
    distill.loss = *clip::parse_distill_loss(args.loss); // checked while parsing
    distill.cache_dir = args.cache_dir.empty() ? default_cache_dir(args.out)
                                               : std::filesystem::path(args.cache_dir);
    options.distill = distill;
    run_training_job("distill", options, args.flags);
}

} // namespace

void register_clip_distill(CLI::App& clip) {
    auto args = std::make_shared<DistillArgs>();
    auto& d = args->distill;
    auto* cmd = clip.add_subcommand(
        "distill", "Distil a teacher CLIP into a smaller student (losses seed, clipkd, "
                   "affinity; teacher outputs cached on disk)");
    cmd->add_option("--teacher", d.teacher, "teacher model directory")
        ->required()
        ->check(CLI::ExistingDirectory);
    args->data.add_to(*cmd, {.folders = true, .split = false});
    add_training_flags(*cmd, args->options, args->out);
    cmd->add_option("--student", d.student,
                    "small (default architecture for the data), light (ResNet-18 + 6-layer "
                    "text Transformer) or a config.json")
        ->check(CLI::IsMember({"small", "light"}) | CLI::ExistingFile)
        ->capture_default_str();
    cmd->add_option("--loss", args->loss,
                    "seed: T²·KL(teacher‖student) + α·CE; clipkd: feature MSE + interactive "
                    "contrastive + KL + α·CE; affinity: TinyCLIP affinity KL")
        ->check(CLI::IsMember({"seed", "clipkd", "affinity"}))
        ->capture_default_str();
    cmd->add_option("--alpha", d.alpha, "weight of the task contrastive CE (finite, >= 0)")
        ->check(CLI::Range(0.0, 1e6))
        ->capture_default_str();
    cmd->add_option("--temperature", d.temperature, "KL temperature T (finite, > 0)")
        ->check(positive_finite())
        ->capture_default_str();
    cmd->add_flag("--init-from-teacher", d.init_from_teacher,
                  "start the text tower (every second layer) and projections from the "
                  "teacher's weights");
    cmd->add_option("--cache-dir", args->cache_dir,
                    "teacher outputs cache (default $XDG_CACHE_HOME/liveml/teacher-outputs)");
    cmd->add_option("--validation-items", d.validation_items,
                    "training items held out for the per-epoch validation zero-shot (at most a "
                    "fifth of the set)")
        ->check(CLI::Range(std::size_t{1}, std::size_t{1000000}))
        ->capture_default_str();
    args->flags.add_to(*cmd);
    cmd->footer(
        help_footer("  liveml-clip distill --teacher teacher --out student --json\n"
                    "  liveml clip distill --teacher teacher --out student --loss seed --alpha 0.5 "
                    "--temperature 2\n"
                    "  liveml clip distill --teacher teacher --out student --resume\n"));
    cmd->callback([args] { run_distill(*args); });
}

} // namespace liveml::cli
