#include "digits/digits_dataset.hpp"

#include "common/data_paths.hpp"
#include "common/file_bytes.hpp"

#include <charconv>
#include <stdexcept>
#include <string>
#include <string_view>

namespace liveml::digits {
namespace {

// The bundled file is ~60 KB inflated; a generous bound still stops a hostile file from
// exhausting memory.
constexpr std::size_t kMaxCsvBytes = 256u << 20;
constexpr std::size_t kColumns = kFeatures + 1;

[[noreturn]] void fail(const std::filesystem::path& path, std::size_t line,
                       const std::string& why) {
    throw std::runtime_error(path.string() + ":" + std::to_string(line) + ": " + why);
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

} // namespace

DigitSample parse_digits_csv_row(std::string_view row, const std::filesystem::path& path,
                                 std::size_t line) {
    row = trim(row);
    DigitSample sample;
    std::size_t column = 0;
    while (true) {
        const auto comma = row.find(',');
        const auto cell = trim(row.substr(0, comma));
        if (column >= kColumns)
            fail(path, line, "more than " + std::to_string(kColumns) + " values");
        int value = 0;
        const auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
        if (cell.empty() || ec != std::errc{} || end != cell.data() + cell.size())
            fail(path, line,
                 "value " + std::to_string(column + 1) + " is not an integer: '" +
                     std::string(cell.substr(0, 32)) + "'");
        if (column < kFeatures) {
            if (value < 0 || value > 16)
                fail(path, line,
                     "pixel " + std::to_string(column + 1) + " is " + std::to_string(value) +
                         ", expected 0..16");
            sample.x[column] = static_cast<std::uint8_t>(value);
        } else {
            if (value < 0 || value > 9)
                fail(path, line, "label is " + std::to_string(value) + ", expected 0..9");
            sample.label = value;
        }
        ++column;
        if (comma == std::string_view::npos) break;
        row.remove_prefix(comma + 1);
    }
    if (column != kColumns)
        fail(path, line,
             "has " + std::to_string(column) + " values, expected " + std::to_string(kColumns));
    return sample;
}

std::filesystem::path bundled_digits_path() {
    return liveml::data_file("digits.csv.gz");
}

std::vector<DigitSample> load_digits_csv(const std::filesystem::path& path) {
    const auto text = liveml::read_maybe_gzip(path, kMaxCsvBytes);
    std::vector<DigitSample> samples;
    std::string_view rest = text;
    std::size_t line = 0;
    while (!rest.empty()) {
        ++line;
        const auto eol = rest.find('\n');
        const auto row = trim(rest.substr(0, eol));
        rest = eol == std::string_view::npos ? std::string_view{} : rest.substr(eol + 1);
        if (row.empty()) continue; // blank lines (a trailing newline) carry no sample
        samples.push_back(parse_digits_csv_row(row, path, line));
    }
    if (samples.empty()) throw std::runtime_error(path.string() + ": no samples");
    return samples;
}

std::array<double, kFeatures> to_doubles(const Features& x) {
    std::array<double, kFeatures> out{};
    for (std::size_t j = 0; j < kFeatures; ++j)
        out[j] = x[j];
    return out;
}

} // namespace liveml::digits
