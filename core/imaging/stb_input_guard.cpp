#include "imaging/stb_input_guard.hpp"

#include <climits>
#include <cstdint>

namespace liveml::imaging {

namespace {

constexpr unsigned kMarkerPrefix = 0xff;
constexpr unsigned kStartOfImage = 0xd8;
constexpr unsigned kDefineHuffmanTable = 0xc4;
constexpr unsigned kMaxCodes = 256;            // stb's tables hold 256 symbols (+1 terminator)
constexpr std::int64_t kMaxPnm8BitValue = 255; // above it stb reads 16-bit samples

// stb reads zeros past the end of its input; so does this, so both see the same values.
unsigned byte_at(std::span<const std::byte> bytes, std::size_t i) {
    return i < bytes.size() ? std::to_integer<unsigned>(bytes[i]) : 0u;
}

// stb's JPEG test: 0xFF, any number of 0xFF fill bytes, then SOI.
bool looks_like_jpeg(std::span<const std::byte> bytes) {
    if (byte_at(bytes, 0) != kMarkerPrefix) return false;
    std::size_t i = 1;
    while (i < bytes.size() && byte_at(bytes, i) == kMarkerPrefix)
        ++i;
    return byte_at(bytes, i) == kStartOfImage;
}

// The tables of one DHT segment whose length field starts at `at`, walked as stb walks them.
bool segment_has_oversized_table(std::span<const std::byte> bytes, std::size_t at) {
    std::int64_t left =
        static_cast<std::int64_t>(byte_at(bytes, at) << 8 | byte_at(bytes, at + 1)) - 2;
    std::size_t table = at + 2;
    while (left > 0) {
        unsigned codes = 0;
        for (std::size_t i = 1; i <= 16; ++i)
            codes += byte_at(bytes, table + i);
        if (codes > kMaxCodes) return true;
        table += 17 + codes;
        left -= 17 + codes;
    }
    return false;
}

bool jpeg_has_oversized_huffman_table(std::span<const std::byte> bytes) {
    if (!looks_like_jpeg(bytes)) return false;
    // Every FF C4 pair, not only those a marker walk would reach: entropy-coded data never
    // contains one (0xFF is always stuffed), so this refuses no valid file, and it cannot be
    // led astray by segment lengths that stb reads differently.
    for (std::size_t i = 0; i + 1 < bytes.size(); ++i)
        if (byte_at(bytes, i) == kMarkerPrefix && byte_at(bytes, i + 1) == kDefineHuffmanTable &&
            segment_has_oversized_table(bytes, i + 2))
            return true;
    return false;
}

bool pnm_space(unsigned c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

enum class PnmHeader { Fine, Overflows, SixteenBit };

// Width, height and maximum value of a binary PGM/PPM header, read as stb reads them
// (whitespace and '#' comments between them): does one not fit an int, or does the maximum
// value make the samples 16-bit?
PnmHeader check_pnm_header(std::span<const std::byte> bytes) {
    if (byte_at(bytes, 0) != 'P' || (byte_at(bytes, 1) != '5' && byte_at(bytes, 1) != '6'))
        return PnmHeader::Fine;
    std::size_t i = 2;
    std::int64_t value = 0;
    for (int field = 0; field < 3; ++field) {
        for (;;) {
            while (i < bytes.size() && pnm_space(byte_at(bytes, i)))
                ++i;
            if (i >= bytes.size() || byte_at(bytes, i) != '#') break;
            while (i < bytes.size() && byte_at(bytes, i) != '\n' && byte_at(bytes, i) != '\r')
                ++i;
        }
        value = 0;
        for (; i < bytes.size() && byte_at(bytes, i) >= '0' && byte_at(bytes, i) <= '9'; ++i) {
            value = value * 10 + (byte_at(bytes, i) - '0');
            if (value > INT_MAX) return PnmHeader::Overflows;
        }
    }
    return value > kMaxPnm8BitValue ? PnmHeader::SixteenBit : PnmHeader::Fine;
}

} // namespace

std::string_view stb_input_defect(std::span<const std::byte> bytes) {
    if (jpeg_has_oversized_huffman_table(bytes))
        return "a JPEG Huffman table declares more than 256 codes";
    switch (check_pnm_header(bytes)) {
    case PnmHeader::Overflows:
        return "a PGM/PPM header number is too large";
    case PnmHeader::SixteenBit:
        return "16-bit PGM/PPM is not supported";
    case PnmHeader::Fine:
        break;
    }
    return {};
}

} // namespace liveml::imaging
