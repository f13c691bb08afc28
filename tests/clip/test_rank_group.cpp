// The c10d collectives of data-parallel training, two Gloo ranks as two threads of this
// process: the gather that carries gradients back equals one process holding every row,
// bucketed gradient averaging, the stop vote, and a silent peer failing the collective within
// the timeout instead of hanging it.
#include "clip/rank_group.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <thread>

namespace {

using namespace liveml::clip;

// Runs body(group) on two ranks at once; exceptions are rethrown on the test thread.
void on_two_ranks(const std::function<void(RankGroup&)>& body, int timeout_s = 30) {
    RendezvousStore store(timeout_s);
    std::exception_ptr errors[2];
    auto rank = [&](int r) {
        try {
            RankGroup group(ProcessRank{r, 2, store.port(), timeout_s}, torch::kCPU);
            body(group);
        } catch (...) {
            errors[r] = std::current_exception();
        }
    };
    std::thread a(rank, 0), b(rank, 1);
    a.join();
    b.join();
    for (const auto& e : errors)
        if (e) std::rethrow_exception(e);
}

// A loss in which every row meets every other (as in the contrastive loss).
torch::Tensor all_pairs_loss(const torch::Tensor& rows) {
    return torch::log_softmax(torch::matmul(rows, rows.t()), 1).diagonal().sum() * -1;
}

TEST(ShardRows, ContiguousSharesCoverEveryRowOnce) {
    EXPECT_EQ(shard_rows(5, 0, 2).begin, 0u);
    EXPECT_EQ(shard_rows(5, 0, 2).count, 3u);
    EXPECT_EQ(shard_rows(5, 1, 2).begin, 3u);
    EXPECT_EQ(shard_rows(5, 1, 2).count, 2u);
    EXPECT_EQ(shard_rows(1, 1, 2).count, 0u);
    std::size_t next = 0;
    for (int s = 0; s < 3; ++s) {
        EXPECT_EQ(shard_rows(10, s, 3).begin, next);
        next += shard_rows(10, s, 3).count;
    }
    EXPECT_EQ(next, 10u);
}

TEST(RankGroup, GatherWithGradAndAveragingEqualOneProcessWithEveryRow) {
    torch::manual_seed(7);
    const auto x = torch::randn({5, 4}, torch::kFloat64);
    const auto w0 = torch::randn({4, 3}, torch::kFloat64);

    auto w = w0.clone().requires_grad_(true);
    all_pairs_loss(torch::matmul(x, w)).backward();
    const auto expected = w.grad().clone();

    torch::Tensor grads[2];
    on_two_ranks([&](RankGroup& g) {
        const std::vector<std::int64_t> counts{3, 2}; // uneven, as shard_rows gives 5 rows
        const auto local = g.rank() == 0 ? x.narrow(0, 0, 3) : x.narrow(0, 3, 2);
        auto wr = w0.clone().requires_grad_(true);
        const auto rows = gather_rows_with_grad(g, torch::matmul(local, wr), counts);
        EXPECT_TRUE(torch::allclose(rows, torch::matmul(x, w0)));
        all_pairs_loss(rows).backward();
        g.average_gradients({wr});
        grads[g.rank()] = wr.grad().clone();
    });
    for (const auto& grad : grads)
        EXPECT_LT((grad - expected).abs().max().item<double>(), 1e-12);
}

TEST(RankGroup, AveragesGradientsAcrossBucketsAndTreatsMissingOnesAsZero) {
    torch::Tensor results[2][3];
    on_two_ranks([&](RankGroup& g) {
        const double r = g.rank();
        std::vector<torch::Tensor> params{torch::zeros({3}).requires_grad_(true),
                                          torch::zeros({2, 2}).requires_grad_(true),
                                          torch::zeros({1}).requires_grad_(true)};
        params[0].mutable_grad() = torch::full({3}, 1 + r);
        params[1].mutable_grad() = torch::full({2, 2}, 10 * (1 + r));
        if (g.rank() == 0) params[2].mutable_grad() = torch::full({1}, 4.0);
        g.average_gradients(params, /*bucket_bytes=*/16); // 12 + 16 + 4 bytes: three buckets
        for (int i = 0; i < 3; ++i)
            results[g.rank()][i] = params[static_cast<std::size_t>(i)].grad().clone();
    });
    for (const auto& rank : results) {
        EXPECT_TRUE(torch::equal(rank[0], torch::full({3}, 1.5)));
        EXPECT_TRUE(torch::equal(rank[1], torch::full({2, 2}, 15.0)));
        EXPECT_TRUE(torch::equal(rank[2], torch::full({1}, 2.0)));
    }
}

TEST(RankGroup, BroadcastCopiesRankZerosValuesAndAnyStopsEveryone) {
    torch::Tensor seen[2];
    bool stop[2] = {false, false}, keep_going[2] = {true, true};
    on_two_ranks([&](RankGroup& g) {
        auto t = torch::full({2, 2}, static_cast<float>(g.rank() + 1)).t(); // a strided view
        g.broadcast_from_first({t});
        seen[g.rank()] = t.clone();
        stop[g.rank()] = g.any(g.rank() == 1);
        keep_going[g.rank()] = g.any(false);
    });
    for (int r = 0; r < 2; ++r) {
        EXPECT_TRUE(torch::equal(seen[r], torch::ones({2, 2})));
        EXPECT_TRUE(stop[r]);
        EXPECT_FALSE(keep_going[r]);
    }
}

TEST(RankGroup, ASilentPeerFailsTheCollectiveWithinTheTimeout) {
    const auto start = std::chrono::steady_clock::now();
    std::atomic<bool> done{false};
    EXPECT_THROW(on_two_ranks(
                     [&](RankGroup& g) {
                         if (g.rank() == 0) {
                             struct Done {
                                 std::atomic<bool>& flag;
                                 ~Done() { flag = true; }
                             } mark{done};
                             g.any(true); // rank 1 never joins this one
                         } else {
                             while (!done)
                                 std::this_thread::sleep_for(std::chrono::milliseconds(10));
                         }
                     },
                     /*timeout_s=*/2),
                 RankLost);
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));
}

TEST(RankGroup, JoiningWithoutTheOtherRanksFailsWithinTheTimeout) {
    RendezvousStore store(1);
    EXPECT_THROW(RankGroup(ProcessRank{0, 2, store.port(), 1}, torch::kCPU), RankLost);
}

} // namespace
