#pragma once
// The training half of a checkpoint: which step comes next and the hyper-parameters that
// fix the schedule and data order, so --resume continues the same run. Stored beside the
// Hugging Face files as training_state.json (+ optimizer.pt, written by the trainer).
// Torch-free.
#include "clip/clip_trainer.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>

namespace liveml::clip {

struct TrainState {
    std::int64_t step = 0;  // next step to run
    std::int64_t total = 0; // all steps of the run
    TrainOptions options;   // dataset, epochs, batch size, lr, … of the run
};

inline constexpr const char* kTrainStateFile = "training_state.json";
inline constexpr const char* kOptimizerFile = "optimizer.pt";

void write_train_state(const std::filesystem::path& dir, const TrainState& state);
// nullopt when `dir` has no training_state.json; throws std::runtime_error when it is corrupt.
std::optional<TrainState> read_train_state(const std::filesystem::path& dir);

} // namespace liveml::clip
