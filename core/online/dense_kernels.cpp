#include "online/dense_kernels.hpp"

#include <cmath>

#include "online/vector_clones.hpp"

namespace liveml::online::kernels {

LIVEML_VECTOR_CLONES
void add_sparse_rows(const double* x, std::size_t n, const double* W, std::size_t width,
                     double* out) {
    for (std::size_t j = 0; j < n; ++j) {
        const double xj = x[j];
        if (xj == 0.0) continue;
        const double* w = W + j * width;
        for (std::size_t c = 0; c < width; ++c)
            out[c] += w[c] * xj;
    }
}

LIVEML_VECTOR_CLONES
void sub_sparse_outer(const double* x, std::size_t n, double step, const double* d,
                      std::size_t width, double* W) {
    for (std::size_t j = 0; j < n; ++j) {
        const double s = step * x[j];
        if (s == 0.0) continue;
        double* w = W + j * width;
        for (std::size_t c = 0; c < width; ++c)
            w[c] -= s * d[c];
    }
}

LIVEML_VECTOR_CLONES
void adagrad_sparse_outer(const double* x, std::size_t n, double lr, double eps, const double* d,
                          std::size_t width, double* W, double* G) {
    for (std::size_t j = 0; j < n; ++j) {
        const double xj = x[j];
        if (xj == 0.0) continue;
        double* w = W + j * width;
        double* g = G + j * width;
        for (std::size_t c = 0; c < width; ++c) {
            const double gk = d[c] * xj;
            g[c] += gk * gk;
            w[c] -= lr * gk / std::sqrt(g[c] + eps);
        }
    }
}

} // namespace liveml::online::kernels
