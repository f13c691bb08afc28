#pragma once
// What `clip train` and `clip distill` share: running train_clip as a job — SIGTERM stops it
// at a checkpoint, progress (with each loss term while distilling) and the result event.
#include "clip/clip_trainer.hpp"
#include "clip_job.hpp"

#include <string>
#include <string_view>

namespace CLI {
class App;
}

namespace liveml::cli {

// --out (required), --epochs, --batch-size, --lr, --seed and --resume.
void add_training_flags(CLI::App& command, clip::TrainOptions& options, std::string& out);

// Ends with kInterrupted after SIGTERM/SIGINT and kPartial when user-data rows were skipped.
void run_training_job(std::string_view job, const clip::TrainOptions& options,
                      const ClipJobFlags& flags);

} // namespace liveml::cli
