#pragma once
#include <cstddef>
#include <vector>

namespace liveml::retrieval {

struct LatencyStats {
    std::size_t count = 0;
    double p50_ms = 0;
    double p95_ms = 0;
    double mean_ms = 0;
    double max_ms = 0;
    double qps = 0; // count / wall_seconds
};

// Percentiles by linear interpolation between closest ranks (numpy's default).
// wall_seconds: elapsed time for the whole run (queries may overlap); <= 0 uses the sum.
LatencyStats summarize_latencies(std::vector<double> latencies_ms, double wall_seconds = 0);

} // namespace liveml::retrieval
