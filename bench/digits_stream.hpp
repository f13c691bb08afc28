#pragma once
// What the online-learner benches share: the digits stream file the scikit-learn side writes
// (int64 n, d; float64 X[n*d]; int64 y[n], little-endian, rows in stream order), running that
// side, and process CPU time.
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/file_bytes.hpp"

namespace liveml::bench {

struct Stream {
    std::size_t n = 0;
    std::size_t d = 0;
    std::vector<double> X;
    std::vector<int> y;
    std::span<const double> row(std::size_t i) const {
        return std::span<const double>(X).subspan(i * d, d);
    }
};

inline Stream read_stream(const std::filesystem::path& path) {
    const std::string bytes = liveml::read_file_bytes(path, std::size_t{1} << 30);
    std::int64_t shape[2];
    if (bytes.size() < sizeof shape) throw std::runtime_error("stream file too short");
    std::memcpy(shape, bytes.data(), sizeof shape);
    Stream s;
    s.n = static_cast<std::size_t>(shape[0]);
    s.d = static_cast<std::size_t>(shape[1]);
    if (bytes.size() != sizeof shape + s.n * s.d * 8 + s.n * 8)
        throw std::runtime_error("stream file has the wrong size");
    s.X.resize(s.n * s.d);
    std::memcpy(s.X.data(), bytes.data() + sizeof shape, s.X.size() * 8);
    std::vector<std::int64_t> labels(s.n);
    std::memcpy(labels.data(), bytes.data() + sizeof shape + s.X.size() * 8, s.n * 8);
    s.y.assign(labels.begin(), labels.end());
    return s;
}

// Runs a shell command and returns its standard output; throws if it fails.
inline std::string run_capture(const std::string& cmd) {
    FILE* pipe = ::popen(cmd.c_str(), "r");
    if (!pipe) throw std::runtime_error("cannot start: " + cmd);
    std::string out;
    char buf[4096];
    while (const std::size_t n = std::fread(buf, 1, sizeof buf, pipe))
        out.append(buf, n);
    if (::pclose(pipe) != 0) throw std::runtime_error("reference side failed: " + cmd);
    return out;
}

inline double cpu_seconds() {
    timespec ts{};
    ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

} // namespace liveml::bench
