#pragma once
// One pass over the labelled samples `liveml fit` trains on, record by record in constant
// memory: the digits CSV (plain or gzip) or JSON lines in the stream's record format, told
// apart by content rather than by file name.
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

#include "common/line_reader.hpp"
#include "digits/digits_dataset.hpp"
#include "stream/record_decoder.hpp"

namespace liveml::cli {

enum class RecordFormat { DigitsCsv, JsonLines };
std::string_view to_string(RecordFormat);

struct InvalidRecord {
    std::size_t line = 0; // 1-based line number in the (inflated) file
    std::string reason;
};

class TrainingFile {
  public:
    // Opens `path` and tells its format from the first non-blank byte. Throws
    // std::runtime_error for unreadable files and content that is neither format.
    explicit TrainingFile(const std::filesystem::path& path);

    RecordFormat format() const noexcept { return format_; }

    enum class Next { Sample, Invalid, End };
    // The next record in file order: a valid sample, or (JSON lines only) an invalid record
    // with its line and reason. A bad CSV row throws std::runtime_error naming its line: the
    // digits CSV is a dataset, accepted whole or not at all.
    Next next(digits::DigitSample& sample, InvalidRecord& invalid);

  private:
    std::filesystem::path path_;
    LineReader lines_;
    TextLine pending_; // the first non-blank line, read to tell the format
    bool has_pending_ = false;
    RecordFormat format_ = RecordFormat::DigitsCsv;
    stream::RecordDecoder decoder_; // the trainer's own validator: fit and train agree
};

} // namespace liveml::cli
