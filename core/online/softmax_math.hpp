#pragma once
// Numerically safe softmax and log-loss gradient shared by the softmax learners.
#include <algorithm>
#include <cmath>
#include <cstddef>

namespace liveml::online {

// scores → probabilities in place (shifted by the maximum, so no overflow).
inline void softmax_in_place(double* v, std::size_t n) {
    const double top = *std::max_element(v, v + n);
    double sum = 0.0;
    for (std::size_t k = 0; k < n; ++k) {
        v[k] = std::exp(v[k] - top);
        sum += v[k];
    }
    for (std::size_t k = 0; k < n; ++k)
        v[k] /= sum;
}

// The log loss's gradient with respect to the scores: p - onehot(label), in place.
inline void log_loss_gradient(double* p, std::size_t n, std::size_t label) {
    softmax_in_place(p, n);
    p[label] -= 1.0;
}

inline std::size_t argmax(const double* v, std::size_t n) {
    return static_cast<std::size_t>(std::max_element(v, v + n) - v);
}

} // namespace liveml::online
