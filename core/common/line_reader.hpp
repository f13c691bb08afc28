#pragma once
// Reads a text file line by line through one fixed buffer, so memory stays the same whatever
// the file's size. Gzip data is inflated on the way (told apart by its magic bytes, not the
// name). Each line is handed out in place, followed by kLinePadding readable bytes, so a
// SIMD parser that reads past its input's end (simdjson) can take it without a copy.
#include <cstddef>
#include <filesystem>
#include <string_view>
#include <vector>

namespace liveml {

inline constexpr std::size_t kLinePadding = 64;

struct TextLine {
    std::string_view text;  // without the '\n'; empty for an overlong line
    std::size_t number = 0; // 1-based
    bool overlong = false;  // longer than the reader's limit: skipped, never buffered
};

class LineReader {
  public:
    // Throws std::runtime_error naming the path when it cannot be opened.
    LineReader(const std::filesystem::path& path, std::size_t max_line_bytes);
    ~LineReader();
    LineReader(const LineReader&) = delete;
    LineReader& operator=(const LineReader&) = delete;

    // The next line (valid until the following call), or false at the end of the file.
    // Throws std::runtime_error for read errors and corrupt or truncated gzip data.
    bool next(TextLine& line);

  private:
    bool fill(); // reads more after end_; false at end of file
    std::size_t discard_rest_of_line();

    std::filesystem::path path_;
    void* file_; // gzFile, kept out of this header
    std::size_t max_line_;
    std::vector<char> buffer_;
    std::size_t begin_ = 0;
    std::size_t end_ = 0;
    std::size_t line_number_ = 0;
    bool eof_ = false;
};

} // namespace liveml
