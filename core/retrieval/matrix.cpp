#include "retrieval/matrix.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

namespace liveml::retrieval {

void normalize_rows(Matrix& m) {
    for (std::size_t r = 0; r < m.rows; ++r) {
        auto row = m.row(r);
        double sum = 0;
        for (float v : row)
            sum += static_cast<double>(v) * v;
        if (sum <= 0) continue;
        const auto inv = static_cast<float>(1.0 / std::sqrt(sum));
        for (float& v : row)
            v *= inv;
    }
}

Matrix matmul_transposed(const Matrix& a, const Matrix& b) {
    if (a.cols != b.cols)
        throw std::invalid_argument("matmul_transposed: widths differ (" + std::to_string(a.cols) +
                                    " vs " + std::to_string(b.cols) + ")");
    Matrix out{a.rows, b.rows, std::vector<float>(a.rows * b.rows)};
    for (std::size_t i = 0; i < a.rows; ++i) {
        const auto x = a.row(i);
        for (std::size_t j = 0; j < b.rows; ++j) {
            const auto y = b.row(j);
            float sum = 0;
            for (std::size_t k = 0; k < a.cols; ++k)
                sum += x[k] * y[k];
            out.data[i * b.rows + j] = sum;
        }
    }
    return out;
}

} // namespace liveml::retrieval
