#pragma once
#include <cstdint>
#include <string_view>

#include "digits/digits_dataset.hpp"

namespace liveml::stream {

// One labelled sample as it travels on the source topic:
// {"ts":"YYYY-MM-DD HH:MM:SS","x":[64 ints 0..16],"actual_y":0..9}
struct DigitRecord {
    digits::Features x{};
    int label = 0;
    std::int64_t ts_epoch_s = 0; // ts read as UTC
};

// Largest source value we accept; anything bigger is dead-lettered unparsed, so a hostile
// producer cannot make the trainer allocate.
inline constexpr std::size_t kMaxRecordBytes = 64 * 1024;

// Why a source record was rejected. Stable names (to_string) appear in the DLQ and metrics.
enum class RecordError : std::uint8_t {
    None,
    Oversized,
    Empty,
    NotJson,
    NotObject,
    MissingTs,
    BadTs,
    MissingX,
    XNotArray,
    XWrongLength,
    XNotInteger,
    XOutOfRange,
    MissingLabel,
    LabelNotInteger,
    LabelOutOfRange,
    DuplicateKey,
};

// Stable snake_case name, used in the DLQ and metrics.
std::string_view to_string(RecordError error);
// A sentence for people (CLI messages): what the record must look like.
std::string_view describe(RecordError error);

// "YYYY-MM-DD HH:MM:SS" (a real calendar date) → seconds since the epoch, read as UTC.
// Returns false for any other shape.
bool parse_timestamp(std::string_view text, std::int64_t& epoch_s);
// The inverse: writes exactly 19 characters into out.
void format_timestamp(std::int64_t epoch_s, char (&out)[19]);

} // namespace liveml::stream
