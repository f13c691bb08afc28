#pragma once
// Inner loops of the softmax and MLP learners over a sparse input x (zeros skipped) and a
// row-major matrix with one row of `width` values per input. Compiled -O3 with an AVX2 clone;
// each output element sees the same operations in the same order either way.
#include <cstddef>

namespace liveml::online::kernels {

// out[c] += Σ_j x[j] · W[j·width + c] over the non-zero x[j], in index order.
void add_sparse_rows(const double* x, std::size_t n, const double* W, std::size_t width,
                     double* out);

// W[j·width + c] -= step · x[j] · d[c] for the non-zero x[j] (step · x[j] first).
void sub_sparse_outer(const double* x, std::size_t n, double step, const double* d,
                      std::size_t width, double* W);

// AdaGrad on the same pattern: with gk = d[c] · x[j], G += gk², W −= lr · gk / sqrt(G + eps).
void adagrad_sparse_outer(const double* x, std::size_t n, double lr, double eps, const double* d,
                          std::size_t width, double* W, double* G);

} // namespace liveml::online::kernels
