#pragma once
#include <cstddef>
#include <span>
#include <vector>

namespace liveml::retrieval {

// A dense row-major float matrix view/owner used for embeddings and score matrices.
struct Matrix {
    std::size_t rows = 0;
    std::size_t cols = 0;
    std::vector<float> data; // rows * cols
    std::span<const float> row(std::size_t r) const { return {data.data() + r * cols, cols}; }
    std::span<float> row(std::size_t r) { return {data.data() + r * cols, cols}; }
};

// Scales each row to unit L2 norm (all-zero rows are left as they are).
void normalize_rows(Matrix& m);
// a · bᵀ: [a.rows, b.rows]; throws std::invalid_argument when the widths differ.
Matrix matmul_transposed(const Matrix& a, const Matrix& b);

} // namespace liveml::retrieval
