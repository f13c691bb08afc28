#pragma once
#include "retrieval/matrix.hpp"

#include <cstdint>
#include <vector>

namespace liveml::retrieval {

struct Hit {
    std::int64_t id = 0;
    float score = 0;
};

// Exact inner-product top-k of every query row against every gallery row (a plain matrix
// product), best first; equal scores ordered by lower gallery index. ids = row indices
// unless `ids` (one per gallery row) is given. The reference for cross-checking FAISS.
std::vector<std::vector<Hit>> brute_force_search(const Matrix& gallery, const Matrix& queries,
                                                 std::size_t k,
                                                 const std::vector<std::int64_t>& ids = {});

} // namespace liveml::retrieval
