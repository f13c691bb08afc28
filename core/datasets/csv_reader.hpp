#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace liveml::datasets {

struct CsvRecord {
    std::size_t line = 0; // 1-based line where the record starts
    std::vector<std::string> fields;
};

// RFC 4180: comma-separated, fields optionally double-quoted, "" is a quote inside quotes,
// quoted fields may span lines; CRLF or LF line ends; blank lines skipped. An unterminated
// quote ends the input and is reported through `error` (records before it are kept).
std::vector<CsvRecord> parse_csv(std::string_view text, std::string& error);

} // namespace liveml::datasets
