#include "online/sgd_kernels.hpp"

#include "online/vector_clones.hpp"

#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <utility>

namespace liveml::online::kernels {

namespace {

// sklearn's max/min helpers: on equal operands (0.0 vs -0.0) they return the second one.
inline double max_of(double a, double b) {
    return a > b ? a : b;
}
inline double min_of(double a, double b) {
    return a < b ? a : b;
}

// 1 for ±inf and NaN (all exponent bits set), else 0. Integer ops, so an OR over many values
// vectorises where std::isfinite or a floating-point test would not.
inline std::uint64_t is_non_finite(double v) {
    constexpr std::uint64_t kExponent = 0x7ff0000000000000ull;
    return (std::bit_cast<std::uint64_t>(v) & kExponent) == kExponent ? 1 : 0;
}

// Rows independent accumulators: each row's sum is a serial chain (its order is fixed), so
// the speed comes from running up to kMaxRows chains side by side.
constexpr std::size_t kMaxRows = 10;

template <std::size_t Rows>
void dot_block(const double* w, std::size_t n, const double* x, double* out) {
    std::array<double, Rows> s{};
    for (std::size_t j = 0; j < n; ++j) {
        const double xj = x[j];
        for (std::size_t r = 0; r < Rows; ++r)
            s[r] += w[r * n + j] * xj;
    }
    for (std::size_t r = 0; r < Rows; ++r)
        out[r] = s[r];
}

using DotBlock = void (*)(const double*, std::size_t, const double*, double*);

template <std::size_t... I>
constexpr std::array<DotBlock, sizeof...(I)> dot_table(std::index_sequence<I...>) {
    return {&dot_block<I + 1>...};
}

constexpr auto kDotBlocks = dot_table(std::make_index_sequence<kMaxRows>{});

} // namespace

void dot_rows(const double* w, std::size_t rows, std::size_t n, const double* x, double* out) {
    for (std::size_t r = 0; r < rows; r += kMaxRows) {
        const std::size_t block = rows - r < kMaxRows ? rows - r : kMaxRows;
        kDotBlocks[block - 1](w + r * n, n, x, out + r);
    }
}

LIVEML_VECTOR_CLONES
bool add_scaled(double* __restrict w, const double* __restrict x, std::size_t n, double step) {
    std::uint64_t non_finite = 0;
    for (std::size_t j = 0; j < n; ++j) {
        const double v = w[j] + x[j] * step;
        w[j] = v;
        non_finite |= is_non_finite(v);
    }
    return non_finite == 0;
}

LIVEML_VECTOR_CLONES
void l1_cumulative(double* __restrict w, double* __restrict q, std::size_t n, double u) {
    for (std::size_t i = 0; i < n; ++i) {
        const double z = w[i];
        const double shrunk_pos = max_of(0.0, z - (u + q[i]));
        const double shrunk_neg = min_of(0.0, z + (u - q[i]));
        const double nw = z > 0.0 ? shrunk_pos : (z < 0.0 ? shrunk_neg : z);
        w[i] = nw;
        q[i] += nw - z;
    }
}

LIVEML_VECTOR_CLONES
void l1_single(double* __restrict w, std::size_t n, double u) {
    // u + 0.0 and u - 0.0 are exactly u: the cumulative form with q == 0.
    for (std::size_t i = 0; i < n; ++i) {
        const double z = w[i];
        const double shrunk_pos = max_of(0.0, z - u);
        const double shrunk_neg = min_of(0.0, z + u);
        w[i] = z > 0.0 ? shrunk_pos : (z < 0.0 ? shrunk_neg : z);
    }
}

LIVEML_VECTOR_CLONES
void scale(double* w, std::size_t n, double factor) {
    for (std::size_t i = 0; i < n; ++i)
        w[i] *= factor;
}

LIVEML_VECTOR_CLONES
bool all_finite(const double* v, std::size_t n) {
    std::uint64_t non_finite = 0;
    for (std::size_t i = 0; i < n; ++i)
        non_finite |= is_non_finite(v[i]);
    return non_finite == 0;
}

} // namespace liveml::online::kernels
