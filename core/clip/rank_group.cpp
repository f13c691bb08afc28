#include "clip/rank_group.hpp"

#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>
#include <torch/version.h>
#ifdef USE_C10D_NCCL
#include <torch/csrc/distributed/c10d/ProcessGroupNCCL.hpp>
#endif

#include <chrono>
#include <string>

namespace liveml::clip {
namespace {

// LibTorch 2 split the collectives out of ProcessGroup into per-backend Backend objects; both
// expose the same allreduce/allgather/broadcast/barrier we call.
#if TORCH_VERSION_MAJOR >= 2
using Collectives = c10d::Backend;
#else
using Collectives = c10d::ProcessGroup;
#endif

constexpr const char* kLoopback = "127.0.0.1";

std::chrono::milliseconds timeout_of(const ProcessRank& rank) {
    return std::chrono::seconds(rank.timeout_s);
}

} // namespace

RowRange shard_rows(std::size_t n, int index, int shards) {
    const auto s = static_cast<std::size_t>(shards);
    const auto i = static_cast<std::size_t>(index);
    const auto base = n / s, extra = n % s;
    return {i * base + std::min(i, extra), base + (i < extra ? 1 : 0)};
}

struct RendezvousStore::Impl {
    c10::intrusive_ptr<c10d::TCPStore> store;
};

RendezvousStore::RendezvousStore(int timeout_s) : impl_(std::make_unique<Impl>()) {
    c10d::TCPStoreOptions options;
    options.port = 0; // the kernel picks a free one; port() reads it back
    options.isServer = true;
    options.waitWorkers = false;
    options.timeout = std::chrono::seconds(timeout_s);
    impl_->store = c10::make_intrusive<c10d::TCPStore>(kLoopback, options);
}

RendezvousStore::~RendezvousStore() = default;

int RendezvousStore::port() const {
    return impl_->store->getPort();
}

struct RankGroup::Impl {
    c10::intrusive_ptr<Collectives> collectives;
    std::string who;
    int timeout_s = 0;

    // Waits for a collective; a failure (a peer gone, the timeout) becomes RankLost.
    void wait(const c10::intrusive_ptr<c10d::Work>& work, const char* what) const {
        try {
            work->wait();
        } catch (const std::exception& e) {
            throw RankLost(who + ": " + what + " with the other ranks failed (a rank exited or " +
                           "did not answer within " + std::to_string(timeout_s) +
                           " s): " + e.what());
        }
    }
};

RankGroup::RankGroup(const ProcessRank& rank, torch::Device device)
    : impl_(std::make_unique<Impl>()), rank_(rank.rank), size_(rank.world_size) {
    impl_->who = "rank " + std::to_string(rank.rank);
    impl_->timeout_s = rank.timeout_s;
    try {
        c10d::TCPStoreOptions options;
        options.port = static_cast<std::uint16_t>(rank.store_port);
        options.isServer = false;
        options.timeout = timeout_of(rank);
        auto store = c10::make_intrusive<c10d::TCPStore>(kLoopback, options);
#ifdef USE_C10D_NCCL
        if (device.is_cuda()) {
            auto nccl = c10d::ProcessGroupNCCL::Options::create();
            nccl->timeout = timeout_of(rank);
            impl_->collectives = c10::make_intrusive<c10d::ProcessGroupNCCL>(store, rank.rank,
                                                                             rank.world_size, nccl);
            return;
        }
#endif
        // Gloo also moves CUDA tensors (through host memory) where NCCL is not built in.
        (void)device;
        auto gloo = c10d::ProcessGroupGloo::Options::create(timeout_of(rank));
        gloo->devices.push_back(c10d::ProcessGroupGloo::createDeviceForHostname(kLoopback));
        gloo->threads = 2;
        impl_->collectives =
            c10::make_intrusive<c10d::ProcessGroupGloo>(store, rank.rank, rank.world_size, gloo);
    } catch (const std::exception& e) {
        throw RankLost(
            impl_->who + " of " + std::to_string(rank.world_size) +
            ": could not join the others through 127.0.0.1:" + std::to_string(rank.store_port) +
            " within " + std::to_string(rank.timeout_s) + " s: " + e.what());
    }
}

RankGroup::~RankGroup() = default;

void RankGroup::broadcast_from_first(const std::vector<torch::Tensor>& tensors) {
    torch::NoGradGuard no_grad;
    for (const auto& t : tensors) {
        // Collectives need contiguous storage; copy back when the tensor is a view.
        std::vector<torch::Tensor> one{t.contiguous()};
        c10d::BroadcastOptions options;
        options.rootRank = 0;
        impl_->wait(impl_->collectives->broadcast(one, options), "broadcasting the model");
        if (!one[0].is_same(t)) t.copy_(one[0]);
    }
}

void RankGroup::average_gradients(const std::vector<torch::Tensor>& parameters,
                                  std::size_t bucket_bytes) {
    torch::NoGradGuard no_grad;
    // Buckets of consecutive parameters, the same on every rank (same model, same order).
    std::vector<std::vector<torch::Tensor>> buckets(1);
    std::size_t filled = 0;
    for (const auto& p : parameters) {
        if (!p.requires_grad()) continue;
        auto& grad = p.mutable_grad();
        if (!grad.defined()) grad = torch::zeros_like(p);
        const auto bytes = static_cast<std::size_t>(grad.numel() * grad.element_size());
        if (filled > 0 && filled + bytes > bucket_bytes) {
            buckets.emplace_back();
            filled = 0;
        }
        buckets.back().push_back(grad);
        filled += bytes;
    }
    std::vector<torch::Tensor> flats;
    std::vector<c10::intrusive_ptr<c10d::Work>> works;
    for (const auto& bucket : buckets) {
        if (bucket.empty()) continue;
        std::vector<torch::Tensor> parts;
        for (const auto& g : bucket)
            parts.push_back(g.reshape(-1));
        std::vector<torch::Tensor> flat{torch::cat(parts)};
        c10d::AllreduceOptions options;
        options.reduceOp = c10d::ReduceOp::SUM;
        works.push_back(impl_->collectives->allreduce(flat, options));
        flats.push_back(flat[0]);
    }
    for (const auto& work : works)
        impl_->wait(work, "averaging gradients");
    std::size_t b = 0;
    for (const auto& bucket : buckets) {
        if (bucket.empty()) continue;
        flats[b].div_(size_);
        std::int64_t offset = 0;
        for (const auto& g : bucket) {
            g.copy_(flats[b].narrow(0, offset, g.numel()).view_as(g));
            offset += g.numel();
        }
        ++b;
    }
}

bool RankGroup::any(bool flag) {
    std::vector<torch::Tensor> one{torch::full({1}, flag ? 1 : 0, torch::kInt32)};
    c10d::AllreduceOptions options;
    options.reduceOp = c10d::ReduceOp::MAX;
    impl_->wait(impl_->collectives->allreduce(one, options), "agreeing on a stop");
    return one[0].item<int>() != 0;
}

void RankGroup::sum(torch::Tensor& tensor) {
    std::vector<torch::Tensor> one{tensor.contiguous()};
    c10d::AllreduceOptions options;
    options.reduceOp = c10d::ReduceOp::SUM;
    impl_->wait(impl_->collectives->allreduce(one, options), "summing");
    if (!one[0].is_same(tensor)) tensor.copy_(one[0]);
}

torch::Tensor RankGroup::gather(const torch::Tensor& local) {
    std::vector<torch::Tensor> input{local.contiguous()};
    std::vector<std::vector<torch::Tensor>> output(1);
    for (int r = 0; r < size_; ++r)
        output[0].push_back(torch::empty_like(input[0]));
    impl_->wait(impl_->collectives->allgather(output, input), "gathering");
    return torch::cat(output[0]);
}

void RankGroup::barrier() {
    impl_->wait(impl_->collectives->barrier(), "waiting at a barrier");
}

namespace {

// Autograd node of gather_rows_with_grad. Non-tensor state rides in saved_data: the counts as
// an int list, the group as its address (it outlives every graph built during a step).
struct GatherRows : torch::autograd::Function<GatherRows> {
    static torch::Tensor forward(torch::autograd::AutogradContext* ctx, const torch::Tensor& local,
                                 RankGroup* group, const std::vector<std::int64_t>& counts) {
        const auto widest = *std::max_element(counts.begin(), counts.end());
        auto padded = local.new_zeros([&] {
            auto shape = local.sizes().vec();
            shape[0] = widest;
            return shape;
        }());
        padded.narrow(0, 0, local.size(0)).copy_(local);
        const auto all = group->gather(padded);
        std::vector<torch::Tensor> rows;
        for (std::size_t r = 0; r < counts.size(); ++r)
            rows.push_back(all.narrow(0, static_cast<std::int64_t>(r) * widest, counts[r]));
        ctx->saved_data["counts"] = counts;
        ctx->saved_data["group"] = reinterpret_cast<std::intptr_t>(group);
        return torch::cat(rows);
    }

    static torch::autograd::variable_list backward(torch::autograd::AutogradContext* ctx,
                                                   torch::autograd::variable_list grads) {
        const auto counts = ctx->saved_data["counts"].toIntVector();
        auto* group = reinterpret_cast<RankGroup*>(ctx->saved_data["group"].toInt());
        // Every rank's loss reaches every row; the local rows' gradient is the sum of them all.
        auto grad = grads[0].contiguous().clone();
        group->sum(grad);
        std::int64_t offset = 0;
        for (int r = 0; r < group->rank(); ++r)
            offset += counts[static_cast<std::size_t>(r)];
        return {grad.narrow(0, offset, counts[static_cast<std::size_t>(group->rank())]),
                torch::Tensor(), torch::Tensor()};
    }
};

} // namespace

torch::Tensor gather_rows_with_grad(RankGroup& group, const torch::Tensor& local,
                                    const std::vector<std::int64_t>& counts) {
    if (static_cast<int>(counts.size()) != group.size() ||
        counts[static_cast<std::size_t>(group.rank())] != local.size(0))
        throw std::invalid_argument("gather_rows_with_grad: counts do not match the ranks");
    return GatherRows::apply(local, &group, counts);
}

} // namespace liveml::clip
