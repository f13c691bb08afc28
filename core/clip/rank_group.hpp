#pragma once
// The collectives of a data-parallel job on PyTorch's c10d: Gloo between CPU ranks, NCCL
// between GPU ranks (one device per rank), joined through the launcher's TCPStore. Every call
// is bounded by the rank's timeout and turns a failed or timed-out collective into RankLost.
// Torch header; one RankGroup per process, used from the training thread only.
#include "clip/process_rank.hpp"

#include <torch/torch.h>

#include <cstdint>
#include <memory>
#include <vector>

namespace liveml::clip {

class RankGroup {
  public:
    // Joins the job's store and builds the process group for `device`'s type. Throws RankLost
    // when the other ranks do not all join within the timeout.
    RankGroup(const ProcessRank& rank, torch::Device device);
    ~RankGroup();
    RankGroup(const RankGroup&) = delete;
    RankGroup& operator=(const RankGroup&) = delete;

    int rank() const noexcept { return rank_; }
    int size() const noexcept { return size_; }

    // Overwrites each tensor with rank 0's values (model parameters and buffers at the start,
    // so every replica begins identical whatever it loaded or drew).
    void broadcast_from_first(const std::vector<torch::Tensor>& tensors);
    // Replaces each parameter's gradient by its mean over the ranks. Gradients are packed into
    // buckets of about `bucket_bytes` (one all-reduce per bucket, all in flight together); a
    // parameter this rank gave no gradient counts as zeros.
    void average_gradients(const std::vector<torch::Tensor>& parameters,
                           std::size_t bucket_bytes = std::size_t{25} << 20);
    // True on every rank when it is true on any (a stop request seen by one rank stops all at
    // the same step).
    bool any(bool flag);
    // In place: the element-wise sum over the ranks.
    void sum(torch::Tensor& tensor);
    // Every rank's `local` (same shape on each), concatenated along dim 0 in rank order.
    torch::Tensor gather(const torch::Tensor& local);
    void barrier();

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    int rank_ = 0, size_ = 1;
};

// Every rank's rows of `local` concatenated in rank order, with gradients flowing back to the
// local rows (open_clip's gather_with_grad): rank r holds counts[r] rows, the counts may differ.
// In backward each rank receives the sum over the ranks of the gradient for its rows, so with
// every rank computing the same global loss and gradients averaged afterwards, N ranks x B/N
// rows step exactly as one rank with B rows.
torch::Tensor gather_rows_with_grad(RankGroup& group, const torch::Tensor& local,
                                    const std::vector<std::int64_t>& counts);

} // namespace liveml::clip
