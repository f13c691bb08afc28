#include "common/line_reader.hpp"

#include <zlib.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>

namespace liveml {
namespace {

// Large enough that a read costs little per line, small enough to stay in L2.
constexpr std::size_t kChunkBytes = std::size_t{1} << 20;

[[noreturn]] void fail(const std::filesystem::path& path, const std::string& why) {
    throw std::runtime_error(path.string() + ": " + why);
}

gzFile as_gz(void* file) {
    return static_cast<gzFile>(file);
}

} // namespace

LineReader::LineReader(const std::filesystem::path& path, std::size_t max_line_bytes)
    : path_(path), file_(nullptr), max_line_(max_line_bytes),
      buffer_(max_line_bytes + kChunkBytes + kLinePadding) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) fail(path, "not a readable regular file");
    file_ = gzopen(path.c_str(), "rb");
    if (!file_) fail(path, std::strerror(errno));
    gzbuffer(as_gz(file_), 1 << 17);
}

LineReader::~LineReader() {
    gzclose(as_gz(file_));
}

bool LineReader::fill() {
    if (eof_) return false;
    if (begin_ > 0) { // keep the partial line, make room after it
        std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
        end_ -= begin_;
        begin_ = 0;
    }
    const std::size_t room = buffer_.size() - kLinePadding - end_;
    const int got = gzread(as_gz(file_), buffer_.data() + end_, static_cast<unsigned>(room));
    if (got < 0) {
        int code = 0;
        const char* why = gzerror(as_gz(file_), &code);
        fail(path_, code == Z_ERRNO ? std::strerror(errno) : why);
    }
    if (got == 0) {
        int code = 0;
        const char* why = gzerror(as_gz(file_), &code);
        if (code != Z_OK) fail(path_, why); // e.g. truncated gzip data
        eof_ = true;
        return false;
    }
    end_ += static_cast<std::size_t>(got);
    return true;
}

std::size_t LineReader::discard_rest_of_line() {
    while (true) {
        const void* nl = std::memchr(buffer_.data() + begin_, '\n', end_ - begin_);
        if (nl) {
            begin_ = static_cast<std::size_t>(static_cast<const char*>(nl) - buffer_.data()) + 1;
            return begin_;
        }
        begin_ = end_ = 0;
        if (!fill()) return 0;
    }
}

bool LineReader::next(TextLine& line) {
    while (true) {
        const char* data = buffer_.data();
        const void* nl = std::memchr(data + begin_, '\n', end_ - begin_);
        const std::size_t stop =
            nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - data) : end_;
        if (stop - begin_ > max_line_) {
            line = {{}, ++line_number_, true};
            begin_ = stop;
            discard_rest_of_line();
            return true;
        }
        if (nl || (eof_ && begin_ < end_)) {
            line = {std::string_view(data + begin_, stop - begin_), ++line_number_, false};
            begin_ = nl ? stop + 1 : end_;
            return true;
        }
        if (!fill() && begin_ == end_) return false;
    }
}

} // namespace liveml
