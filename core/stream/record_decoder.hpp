#pragma once
#include <cstddef>
#include <memory>
#include <string_view>

#include "stream/digit_record.hpp"

namespace liveml::stream {

// Decodes and validates source records. Holds a reusable parser and padded input buffer, so
// decoding allocates nothing after construction. Not thread-safe: one per consumer thread.
// Bytes that must be readable after the input of decode_padded (simdjson's SIMD loads).
inline constexpr std::size_t kRecordPadding = 64;

class RecordDecoder {
  public:
    RecordDecoder();
    ~RecordDecoder();
    RecordDecoder(const RecordDecoder&) = delete;
    RecordDecoder& operator=(const RecordDecoder&) = delete;

    // Fills out and returns RecordError::None, or returns why the bytes are not a record
    // (out is then unspecified).
    RecordError decode(std::string_view bytes, DigitRecord& out);
    // The same without a copy, for callers whose buffer has kRecordPadding readable bytes
    // (any content) after `bytes`, e.g. a line handed out by LineReader.
    RecordError decode_padded(std::string_view bytes, DigitRecord& out);
    // After XNotInteger/XOutOfRange: the position in "x" of the offending value.
    std::size_t bad_x_index() const noexcept { return bad_x_index_; }

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    std::size_t bad_x_index_ = 0;
};

} // namespace liveml::stream
