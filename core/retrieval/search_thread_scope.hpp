#pragma once
// How many OpenMP threads FAISS may use for one search call. FAISS opens parallel regions even
// for a single query (IndexIDMap's label translation, HNSW's per-query loop), and each one
// waits for the whole team: on the shared 2-core VM a 1k-vector Flat search took 8–48 ms with
// 2 threads against 0.4 ms with 1, because the second thread was descheduled. A handful of
// queries has too little work to split, so small batches run on the calling thread; large
// batches keep the team.

#include <cstddef>

namespace liveml::retrieval {

// Batches of at least this many queries search with the caller's OpenMP thread count.
inline constexpr std::size_t kParallelSearchFromQueries = 16;

// For `queries` below kParallelSearchFromQueries, the calling thread's OpenMP team size is 1
// until the scope ends, then restored. Only this thread's setting changes (the OpenMP
// nthreads ICV is per thread), so other threads and later large searches are unaffected.
class SearchThreadScope {
  public:
    explicit SearchThreadScope(std::size_t queries);
    ~SearchThreadScope();
    SearchThreadScope(const SearchThreadScope&) = delete;
    SearchThreadScope& operator=(const SearchThreadScope&) = delete;

  private:
    int saved_threads_ = 0; // 0: nothing changed
};

} // namespace liveml::retrieval
