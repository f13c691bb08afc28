#pragma once
// Reads the labelled samples `liveml fit` trains on: the digits CSV (plain or gzip) or JSON
// lines in the stream's record format, told apart by content rather than by file name.
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "digits/digits_dataset.hpp"
#include "stream/record_decoder.hpp"

namespace liveml::cli {

enum class RecordFormat { DigitsCsv, JsonLines };
std::string_view to_string(RecordFormat);

struct InvalidRecord {
    std::size_t line = 0; // 1-based line number in the (inflated) file
    std::string reason;
};

struct TrainingRecords {
    RecordFormat format = RecordFormat::DigitsCsv;
    std::vector<digits::DigitSample> samples; // valid records, in file order
    std::vector<InvalidRecord> invalid;       // JSON lines only: CSV is validated whole
};

// Bounds the (inflated) size of a training file so a hostile input cannot exhaust memory.
inline constexpr std::size_t kMaxTrainingFileBytes = std::size_t{1} << 30;

// Throws std::runtime_error for unreadable files, unknown content and (CSV) bad rows.
TrainingRecords read_training_records(const std::filesystem::path& path);

// Validates one JSON line {"ts":"YYYY-MM-DD HH:MM:SS","x":[64 ints 0..16],"actual_y":0..9}.
// Other keys are allowed (e.g. the trainer's "predict_y"); duplicate keys are not. Returns
// the sample, or the reason it is rejected in `reason`.
bool parse_json_record(stream::RecordDecoder& decoder, std::string_view line,
                       digits::DigitSample& sample, std::string& reason);

} // namespace liveml::cli
