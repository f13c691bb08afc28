#include "retrieval/brute_force.hpp"

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace liveml::retrieval {

std::vector<std::vector<Hit>> brute_force_search(const Matrix& gallery, const Matrix& queries,
                                                 std::size_t k,
                                                 const std::vector<std::int64_t>& ids) {
    if (!ids.empty() && ids.size() != gallery.rows)
        throw std::invalid_argument("brute_force_search: one id per gallery row is required");
    const Matrix scores = matmul_transposed(queries, gallery);
    const std::size_t keep = std::min(k, gallery.rows);
    std::vector<std::vector<Hit>> results(queries.rows);
    std::vector<std::size_t> order(gallery.rows);
    for (std::size_t q = 0; q < queries.rows; ++q) {
        const auto row = scores.row(q);
        std::iota(order.begin(), order.end(), std::size_t{0});
        std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(keep),
                          order.end(), [&](std::size_t a, std::size_t b) {
                              return row[a] != row[b] ? row[a] > row[b] : a < b;
                          });
        for (std::size_t i = 0; i < keep; ++i)
            results[q].push_back(
                {ids.empty() ? static_cast<std::int64_t>(order[i]) : ids[order[i]], row[order[i]]});
    }
    return results;
}

} // namespace liveml::retrieval
