#pragma once
// Embedding matrices for the retrieval tests: seeded Gaussian rows, and slices of them.
#include "retrieval/vector_index.hpp"

#include <random>

namespace liveml::retrieval::test {

inline Matrix random_matrix(std::size_t rows, std::size_t cols, unsigned seed) {
    std::mt19937 rng(seed);
    std::normal_distribution<float> normal;
    Matrix m{rows, cols, std::vector<float>(rows * cols)};
    for (auto& v : m.data)
        v = normal(rng);
    return m;
}

inline Matrix rows_of(const Matrix& m, std::size_t first, std::size_t count) {
    const auto begin = m.data.begin() + static_cast<std::ptrdiff_t>(first * m.cols);
    return {count, m.cols,
            std::vector<float>(begin, begin + static_cast<std::ptrdiff_t>(count * m.cols))};
}

} // namespace liveml::retrieval::test
