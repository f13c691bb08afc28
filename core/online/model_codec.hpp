#pragma once
// Little-endian field writer and bounds-checked reader for the model file format.
// Internal to core/online; byte order is fixed so files move between machines.
#include <bit>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "online/model_file.hpp"

namespace liveml::online::codec {

class ByteWriter {
  public:
    void u32(std::uint32_t v) { put_le(v); }
    void i32(std::int32_t v) { put_le(static_cast<std::uint32_t>(v)); }
    void u64(std::uint64_t v) { put_le(v); }
    void f64(double v) { put_le(std::bit_cast<std::uint64_t>(v)); }
    void str(std::string_view s) {
        u32(static_cast<std::uint32_t>(s.size()));
        out_.append(s);
    }
    std::string& bytes() { return out_; }

  private:
    template <typename U> void put_le(U v) {
        for (std::size_t i = 0; i < sizeof(U); ++i)
            out_.push_back(static_cast<char>((v >> (8 * i)) & 0xffu));
    }
    std::string out_;
};

// Every read names the field it wants, so a short file yields "truncated while reading <what>".
class ByteReader {
  public:
    explicit ByteReader(std::string_view in) : in_(in) {}

    std::uint32_t u32(const char* what) { return get_le<std::uint32_t>(what); }
    std::int32_t i32(const char* what) { return static_cast<std::int32_t>(u32(what)); }
    std::uint64_t u64(const char* what) { return get_le<std::uint64_t>(what); }
    double f64(const char* what) { return std::bit_cast<double>(u64(what)); }
    // A length-prefixed string of at most max_len bytes.
    std::string_view str(const char* what, std::size_t max_len) {
        const std::uint32_t n = u32(what);
        if (n > max_len)
            throw ModelFormatError("model file is corrupt: " + std::string(what) + " is " +
                                   std::to_string(n) + " bytes long, the limit is " +
                                   std::to_string(max_len));
        return take(n, what);
    }
    // Fails unless `count` items of `item_size` bytes are still available; call before
    // allocating for them so a forged count cannot exhaust memory.
    void require(std::uint64_t count, std::size_t item_size, const char* what) const {
        if (count > remaining() / item_size)
            throw ModelFormatError("model file is truncated or corrupt: " + std::string(what) +
                                   " needs " + std::to_string(count) + " entries of " +
                                   std::to_string(item_size) + " bytes but only " +
                                   std::to_string(remaining()) + " bytes remain");
    }
    std::size_t offset() const noexcept { return pos_; }
    std::size_t remaining() const noexcept { return in_.size() - pos_; }

  private:
    std::string_view take(std::size_t n, const char* what) {
        if (n > remaining())
            throw ModelFormatError("model file is truncated: it ends while reading " +
                                   std::string(what) + " at byte " + std::to_string(pos_));
        const auto s = in_.substr(pos_, n);
        pos_ += n;
        return s;
    }
    template <typename U> U get_le(const char* what) {
        const auto s = take(sizeof(U), what);
        U v = 0;
        for (std::size_t i = 0; i < sizeof(U); ++i)
            v |= static_cast<U>(static_cast<unsigned char>(s[i])) << (8 * i);
        return v;
    }
    std::string_view in_;
    std::size_t pos_ = 0;
};

// Field helpers shared by every learner's state (defined in model_codec.cpp).

[[noreturn]] void corrupt(const std::string& why); // throws ModelFormatError

// A u32 count that must lie in [min, max].
std::uint32_t read_count(ByteReader& in, const char* what, std::uint32_t min, std::uint32_t max);

// n_classes (2..kMaxModelClasses) then the labels, strictly increasing.
void write_classes(ByteWriter& out, const std::vector<int>& classes);
std::vector<int> read_classes(ByteReader& in);

// Raw f64 values; the reader checks the bytes are there before allocating and that every
// value is finite.
void write_doubles(ByteWriter& out, std::span<const double> values);
std::vector<double> read_finite_doubles(ByteReader& in, std::uint64_t count, const char* what);

} // namespace liveml::online::codec
