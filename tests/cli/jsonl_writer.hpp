#pragma once
// Writes digits samples as the stream's JSON-lines records, for feeding `liveml fit`.
#include <filesystem>
#include <fstream>
#include <span>
#include <stdexcept>

#include "digits/digits_dataset.hpp"

namespace liveml::cli::test {

inline void write_jsonl(const std::filesystem::path& path,
                        std::span<const digits::DigitSample> samples) {
    std::ofstream out(path, std::ios::binary);
    for (std::size_t i = 0; i < samples.size(); ++i) {
        // Distinct, valid timestamps: one second apart from 2020-01-01 01:01:01.
        const std::size_t s = 1 + i;
        char ts[32];
        std::snprintf(ts, sizeof ts, "2020-01-01 %02zu:%02zu:%02zu", 1 + s / 3600 % 23, s / 60 % 60,
                      s % 60);
        out << "{\"ts\":\"" << ts << "\",\"x\":[";
        for (std::size_t j = 0; j < samples[i].x.size(); ++j)
            out << (j ? "," : "") << int{samples[i].x[j]};
        out << "],\"actual_y\":" << samples[i].label << "}\n";
    }
    if (!out) throw std::runtime_error("cannot write " + path.string());
}

} // namespace liveml::cli::test
