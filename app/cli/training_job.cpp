#include "training_job.hpp"

#include "finite_numbers.hpp"
#include "interrupt_flag.hpp"
#include "json_output.hpp"
#include "rank_launcher.hpp"

#include <CLI/CLI.hpp>

#include <cstdint>

namespace liveml::cli {

void add_training_flags(CLI::App& cmd, clip::TrainOptions& o, std::string& out) {
    cmd.add_option("--out", out, "model directory (Hugging Face layout + training state)")
        ->required();
    cmd.add_option("--epochs", o.epochs, "passes over the training data")
        ->check(CLI::Range(1, 100000))
        ->capture_default_str();
    cmd.add_option("--batch-size", o.batch_size, "pairs per step")
        ->check(CLI::Range(2, 65536))
        ->capture_default_str();
    cmd.add_option("--lr", o.lr, "peak learning rate (finite, > 0)")
        ->check(positive_finite())
        ->capture_default_str();
    cmd.add_option("--seed", o.seed, "initialisation and data order")->capture_default_str();
    cmd.add_flag("--resume", o.resume,
                 "continue the run checkpointed in --out (its settings are kept)");
}

void run_training_job(std::string_view job, const clip::TrainOptions& requested,
                      const ClipJobFlags& flags) {
    run_clip_job(job, flags, [&](JobReporter& reporter) {
        auto options = requested;
        options.runtime = flags.runtime;
        const InterruptFlag interrupt;
        clip::TrainResult result;
        try {
            result = clip::train_clip(
                options, [&] { return interrupt.raised(); },
                [&](const clip::TrainProgress& p) {
                    const bool training = p.phase == "train";
                    reporter.progress(p.phase, p.step, p.total, training ? p.loss : -1,
                                      training ? p.eta_s : -1, p.metrics);
                },
                [&](const std::string& reason) { reporter.skipped("", reason); });
        } catch (const clip::RankLost& e) {
            // Another rank caused it; the launcher reports which as the job's error.
            reporter.note(e.what());
            throw CLI::RuntimeError(kRankLostExit);
        }
        JsonObject fields;
        fields.add("model", options.out.string())
            .add("step", result.step)
            .add("total", result.total)
            .add("start_step", result.start_step)
            .add("epochs_done", result.epochs_done)
            .add("final_loss", result.final_loss)
            .add("seconds", result.seconds)
            .add("logit_scale", result.logit_scale)
            .add("device", result.device)
            .add("ranks", options.rank.world_size)
            .add("skipped", static_cast<std::uint64_t>(result.skipped))
            .add("stopped", result.stopped);
        if (options.distill)
            fields.add("best_top1", result.best_top1)
                .add("best_epoch", result.best_epoch)
                .add("teacher_cache", result.teacher_cache)
                .add("teacher_cache_reused", result.teacher_cache_reused)
                .add("inherited_copied", static_cast<std::uint64_t>(result.inherited_copied))
                .add("inherited_sliced", static_cast<std::uint64_t>(result.inherited_sliced));
        reporter.result(fields);
        if (result.stopped) throw CLI::RuntimeError(kInterrupted);
        if (result.skipped > 0) throw CLI::RuntimeError(kPartial);
    });
}

} // namespace liveml::cli
