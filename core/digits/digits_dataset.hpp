#pragma once
#include <array>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string_view>
#include <vector>

namespace liveml::digits {

inline constexpr std::size_t kFeatures = 64; // 8×8, feature j = 8*row + col, values 0..16
using Features = std::array<std::uint8_t, kFeatures>;

struct DigitSample {
    Features x{};
    int label = 0;
};

// The bundled resources/data/digits.csv.gz (UCI optdigits test set, 1,797 rows).
std::filesystem::path bundled_digits_path();
// Loads a digits CSV (plain or gzip): 65 integers per row, 64 in 0..16 then a label 0..9.
// Throws std::runtime_error naming the line and the problem.
std::vector<DigitSample> load_digits_csv(const std::filesystem::path& path);

// One CSV row of that file (without its newline; spaces and a trailing '\r' allowed). Throws
// std::runtime_error naming `path`, the line and the problem.
DigitSample parse_digits_csv_row(std::string_view row, const std::filesystem::path& path,
                                 std::size_t line);

// Features as the learner's double vector.
std::array<double, kFeatures> to_doubles(const Features& x);

} // namespace liveml::digits
