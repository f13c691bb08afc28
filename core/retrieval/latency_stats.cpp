#include "retrieval/latency_stats.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace liveml::retrieval {
namespace {

double percentile(const std::vector<double>& sorted, double p) {
    const double position = p / 100.0 * static_cast<double>(sorted.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(position));
    const auto hi = std::min(lo + 1, sorted.size() - 1);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (position - static_cast<double>(lo));
}

} // namespace

LatencyStats summarize_latencies(std::vector<double> latencies_ms, double wall_seconds) {
    LatencyStats s;
    s.count = latencies_ms.size();
    if (latencies_ms.empty()) return s;
    std::sort(latencies_ms.begin(), latencies_ms.end());
    const double total_ms = std::accumulate(latencies_ms.begin(), latencies_ms.end(), 0.0);
    s.p50_ms = percentile(latencies_ms, 50);
    s.p95_ms = percentile(latencies_ms, 95);
    s.mean_ms = total_ms / static_cast<double>(s.count);
    s.max_ms = latencies_ms.back();
    const double seconds = wall_seconds > 0 ? wall_seconds : total_ms / 1000.0;
    s.qps = seconds > 0 ? static_cast<double>(s.count) / seconds : 0.0;
    return s;
}

} // namespace liveml::retrieval
