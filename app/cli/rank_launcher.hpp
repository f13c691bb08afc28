#pragma once
// `--nproc N`: runs a job as N data-parallel ranks, as torchrun does for PyTorch. The launcher
// hosts the c10d rendezvous store, starts this same executable N times with the same arguments
// and the rank in its environment, forwards SIGINT/SIGTERM to every rank (they agree on the
// step to stop at), and when a rank fails stops the others and names the cause
// (docs/parallel.md). Rank 0 writes the job's output; the others' stdout is discarded.
#include "clip/process_rank.hpp"

#include <optional>

namespace liveml::cli {

class JobReporter;

// The exit code of a rank whose collective failed because of another rank: the launcher then
// looks for the rank that caused it. Between launcher and ranks only, never a job's exit code.
inline constexpr int kRankLostExit = 75;

// This process's rank when a launcher started it (nullopt: we are the launcher). Throws
// std::runtime_error when the environment contradicts `world_size`.
std::optional<clip::ProcessRank> rank_from_environment(int world_size, int timeout_s);

// Runs the ranks to their end. Returns normally when all succeeded; throws CLI::RuntimeError
// with rank 0's code when it reported its own outcome, std::runtime_error naming the failed
// rank otherwise.
void launch_ranks(int world_size, int timeout_s, JobReporter& reporter);

} // namespace liveml::cli
