#include "retrieval/search_thread_scope.hpp"

#include <omp.h>

namespace liveml::retrieval {

SearchThreadScope::SearchThreadScope(std::size_t queries) {
    if (queries >= kParallelSearchFromQueries) return;
    const int threads = omp_get_max_threads();
    if (threads == 1) return;
    saved_threads_ = threads;
    omp_set_num_threads(1);
}

SearchThreadScope::~SearchThreadScope() {
    if (saved_threads_ > 0) omp_set_num_threads(saved_threads_);
}

} // namespace liveml::retrieval
