#include "online/model_codec.hpp"

#include <cmath>

namespace liveml::online::codec {

void corrupt(const std::string& why) {
    throw ModelFormatError("model file is corrupt: " + why);
}

std::uint32_t read_count(ByteReader& in, const char* what, std::uint32_t min, std::uint32_t max) {
    const std::uint32_t n = in.u32(what);
    if (n < min || n > max)
        corrupt(std::string(what) + " " + std::to_string(n) + " is outside " + std::to_string(min) +
                ".." + std::to_string(max));
    return n;
}

void write_classes(ByteWriter& out, const std::vector<int>& classes) {
    out.u32(static_cast<std::uint32_t>(classes.size()));
    for (const int c : classes)
        out.i32(c);
}

std::vector<int> read_classes(ByteReader& in) {
    const std::uint32_t n = read_count(in, "the class count", 2, kMaxModelClasses);
    in.require(n, 4, "the class labels");
    std::vector<int> classes(n);
    for (std::size_t i = 0; i < n; ++i) {
        classes[i] = in.i32("the class labels");
        if (i > 0 && classes[i] <= classes[i - 1])
            corrupt("the class labels are not strictly increasing");
    }
    return classes;
}

void write_doubles(ByteWriter& out, std::span<const double> values) {
    for (const double v : values)
        out.f64(v);
}

std::vector<double> read_finite_doubles(ByteReader& in, std::uint64_t count, const char* what) {
    in.require(count, sizeof(double), what);
    std::vector<double> values(count);
    for (double& v : values) {
        v = in.f64(what);
        if (!std::isfinite(v)) corrupt(std::string(what) + " contain a non-finite value");
    }
    return values;
}

} // namespace liveml::online::codec
