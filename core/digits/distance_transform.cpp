#include "digits/distance_transform.hpp"

#include <algorithm>
#include <cstddef>
#include <limits>

namespace liveml::digits::detail {
namespace {

// Far enough that no real distance in a grid of our size reaches it, small enough that the
// envelope arithmetic stays exact in double precision.
constexpr double kFar = 1e9;

// 1-D squared distance transform in place: d[q] = min_p (q-p)^2 + d[p], over n samples
// `stride` apart.
void transform_line(double* data, int n, std::ptrdiff_t stride, std::vector<double>& f,
                    std::vector<int>& v, std::vector<double>& z) {
    for (int q = 0; q < n; ++q)
        f[q] = data[q * stride];
    int k = 0;
    v[0] = 0;
    z[0] = -std::numeric_limits<double>::infinity();
    z[1] = std::numeric_limits<double>::infinity();
    for (int q = 1; q < n; ++q) {
        auto meet = [&](int p) {
            return ((f[q] + double(q) * q) - (f[p] + double(p) * p)) / (2.0 * (q - p));
        };
        double s = meet(v[k]);
        while (s <= z[k])
            s = meet(v[--k]); // z[0] = -inf ends this
        ++k;
        v[k] = q;
        z[k] = s;
        z[k + 1] = std::numeric_limits<double>::infinity();
    }
    k = 0;
    for (int q = 0; q < n; ++q) {
        while (z[k + 1] < q)
            ++k;
        const double d = q - v[k];
        data[q * stride] = d * d + f[v[k]];
    }
}

} // namespace

std::vector<int> squared_distance(const std::vector<std::uint8_t>& mask, int width, int height) {
    std::vector<double> dist(mask.size());
    for (std::size_t i = 0; i < mask.size(); ++i)
        dist[i] = mask[i] ? 0.0 : kFar;
    const int n = std::max(width, height);
    std::vector<double> f(n), z(n + 1);
    std::vector<int> v(n);
    for (int x = 0; x < width; ++x)
        transform_line(dist.data() + x, height, width, f, v, z);
    for (int y = 0; y < height; ++y)
        transform_line(dist.data() + static_cast<std::ptrdiff_t>(y) * width, width, 1, f, v, z);
    std::vector<int> out(mask.size());
    for (std::size_t i = 0; i < mask.size(); ++i)
        out[i] = static_cast<int>(std::min(dist[i], kFar));
    return out;
}

} // namespace liveml::digits::detail
