// Small query batches search FAISS on the calling thread alone; large batches keep the OpenMP
// team. Either way the answers are the same and the caller's thread count survives the call.
#include "retrieval/search_thread_scope.hpp"
#include "retrieval/vector_index.hpp"

#include "random_matrix.hpp"

#include <gtest/gtest.h>
#include <omp.h>

#include <random>
#include <thread>

using namespace liveml::retrieval;
using liveml::retrieval::test::random_matrix;
using liveml::retrieval::test::rows_of;

namespace {

// More than this VM's 2 cores on purpose: OpenMP accepts it, and 3 cannot be mistaken for a
// default taken from the machine.
constexpr int kCallerThreads = 3;

class SearchThreads : public ::testing::Test {
  protected:
    void SetUp() override {
        saved_ = omp_get_max_threads();
        omp_set_num_threads(kCallerThreads);
    }
    void TearDown() override { omp_set_num_threads(saved_); }

  private:
    int saved_ = 1;
};

// One search call per batch of `batch` queries, answers concatenated in query order.
std::vector<std::vector<Hit>> search_in_batches(const VectorIndex& index, const Matrix& queries,
                                                std::size_t batch, std::size_t k) {
    std::vector<std::vector<Hit>> all;
    for (std::size_t first = 0; first < queries.rows; first += batch) {
        auto part = index.search(rows_of(queries, first, batch), k);
        EXPECT_EQ(omp_get_max_threads(), kCallerThreads) << "after a batch of " << batch;
        all.insert(all.end(), part.begin(), part.end());
    }
    return all;
}

void expect_same_answers(const std::vector<std::vector<Hit>>& a,
                         const std::vector<std::vector<Hit>>& b, float score_tolerance) {
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t q = 0; q < a.size(); ++q) {
        ASSERT_EQ(a[q].size(), b[q].size()) << "query " << q;
        for (std::size_t i = 0; i < a[q].size(); ++i) {
            EXPECT_EQ(a[q][i].id, b[q][i].id) << "query " << q << ", rank " << i;
            EXPECT_NEAR(a[q][i].score, b[q][i].score, score_tolerance)
                << "query " << q << ", rank " << i;
        }
    }
}

} // namespace

TEST_F(SearchThreads, SmallBatchesRunOnOneThreadUntilTheScopeEnds) {
    for (const std::size_t queries :
         {std::size_t{0}, std::size_t{1}, kParallelSearchFromQueries - 1}) {
        {
            const SearchThreadScope scope(queries);
            EXPECT_EQ(omp_get_max_threads(), 1) << queries << " queries";
        }
        EXPECT_EQ(omp_get_max_threads(), kCallerThreads) << "restored after " << queries;
    }
}

TEST_F(SearchThreads, LargeBatchesKeepTheCallersThreads) {
    const SearchThreadScope scope(kParallelSearchFromQueries);
    EXPECT_EQ(omp_get_max_threads(), kCallerThreads);
}

TEST_F(SearchThreads, AScopeOnAnotherThreadLeavesThisThreadAlone) {
    int inside_other = 0;
    std::thread other([&] {
        omp_set_num_threads(2);
        const SearchThreadScope scope(1);
        inside_other = omp_get_max_threads();
        EXPECT_EQ(omp_get_max_threads(), 1);
    });
    other.join();
    EXPECT_EQ(inside_other, 1);
    EXPECT_EQ(omp_get_max_threads(), kCallerThreads);
}

TEST_F(SearchThreads, FlatIndexAnswersTheSameSeriallyAndInParallel) {
    constexpr std::size_t kDim = 64, kK = 10, kQueries = 2 * kParallelSearchFromQueries;
    VectorIndex index(kDim, {.kind = IndexKind::Flat});
    index.add(random_matrix(2000, kDim, 1), std::vector<ItemMeta>(2000));
    const auto queries = random_matrix(kQueries, kDim, 2);

    const auto parallel = search_in_batches(index, queries, kQueries, kK);
    const auto serial = search_in_batches(index, queries, 1, kK);
    const auto small_batches = search_in_batches(index, queries, 4, kK);
    // FAISS ranks large batches with a matrix product and small ones with per-row dot
    // products: the same ids, scores equal up to float rounding.
    expect_same_answers(serial, parallel, 1e-5f);
    expect_same_answers(small_batches, parallel, 1e-5f);
    expect_same_answers(serial, index.search_exact(queries, kK), 1e-5f);
}

TEST_F(SearchThreads, HnswIndexAnswersTheSameSeriallyAndInParallel) {
    constexpr std::size_t kDim = 32, kK = 5, kQueries = 2 * kParallelSearchFromQueries;
    VectorIndex index(kDim, {.kind = IndexKind::Hnsw});
    index.add(random_matrix(1500, kDim, 3), std::vector<ItemMeta>(1500));
    const auto queries = random_matrix(kQueries, kDim, 4);

    // Each HNSW query walks the graph on its own: batching changes nothing, bit for bit.
    expect_same_answers(search_in_batches(index, queries, 1, kK),
                        search_in_batches(index, queries, kQueries, kK), 0.0f);
}
