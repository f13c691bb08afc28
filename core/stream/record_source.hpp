#pragma once
#include <filesystem>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "digits/digits_dataset.hpp"

namespace liveml::stream {

// What `liveml produce` sends, one value at a time, endlessly (the caller decides when to stop).
class RecordSource {
  public:
    virtual ~RecordSource() = default;
    // The next record value; valid until the next call.
    virtual std::string_view next() = 0;
};

// The original data producer: shuffled passes over the digits, each record stamped with the
// current time (UTC) as "YYYY-MM-DD HH:MM:SS".
class DigitsRecordSource final : public RecordSource {
  public:
    DigitsRecordSource(std::vector<digits::DigitSample> samples, std::uint64_t seed);
    std::string_view next() override;

  private:
    std::vector<digits::DigitSample> samples_;
    std::vector<std::size_t> order_;
    std::size_t position_ = 0;
    std::mt19937_64 random_;
    std::string buffer_;
};

// Lines of a file sent verbatim (empty lines skipped), over and over. Not validated: this is
// how malformed input is fed to a trainer on purpose.
class JsonLinesRecordSource final : public RecordSource {
  public:
    // Throws std::runtime_error when the file cannot be read or holds no non-empty line.
    explicit JsonLinesRecordSource(const std::filesystem::path& path);
    std::string_view next() override;
    std::size_t size() const noexcept { return lines_.size(); }

  private:
    std::vector<std::string> lines_;
    std::size_t position_ = 0;
};

} // namespace liveml::stream
