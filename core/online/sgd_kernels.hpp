#pragma once
// The inner loops of SgdClassifier, kept apart so they can be compiled for speed (-O3, an
// AVX2 clone picked at load time) without touching their results: every kernel performs the
// same IEEE operations in the same order per element as scikit-learn, only several elements
// at a time, and none of them reassociates a sum.
#include <cstddef>

namespace liveml::online::kernels {

// out[r] = Σ_j w[r*n + j] * x[j] for r < rows, each row summed strictly in index order.
void dot_rows(const double* w, std::size_t rows, std::size_t n, const double* x, double* out);

// w[j] += x[j] * step; returns false when any result is not finite.
bool add_scaled(double* w, const double* x, std::size_t n, double step);

// scikit-learn's cumulative L1 penalty, with q = the penalty each weight already received in
// this partial_fit call: a weight moves towards zero by (u ± q) and never crosses it.
void l1_cumulative(double* w, double* q, std::size_t n, double u);
// The same for a call with a single sample, where q is zero before and unused after.
void l1_single(double* w, std::size_t n, double u);

void scale(double* w, std::size_t n, double factor);

bool all_finite(const double* v, std::size_t n);

} // namespace liveml::online::kernels
