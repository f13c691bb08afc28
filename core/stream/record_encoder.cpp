#include "stream/record_encoder.hpp"

#include <array>
#include <charconv>
#include <cstring>

namespace liveml::stream {

namespace {

constexpr std::string_view kBase64Alphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

void append_int(std::string& out, std::int64_t value) {
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    out.append(digits, end);
}

// "0,".."16," ready to copy: the sink encodes 64 of these per record.
struct FeatureText {
    char text[3];
    std::uint8_t size;
};
constexpr std::array<FeatureText, 17> kFeatureText = [] {
    std::array<FeatureText, 17> table{};
    for (std::uint8_t v = 0; v < 17; ++v) {
        auto& entry = table[v];
        entry.size = 0;
        if (v >= 10) entry.text[entry.size++] = static_cast<char>('0' + v / 10);
        entry.text[entry.size++] = static_cast<char>('0' + v % 10);
        entry.text[entry.size++] = ',';
    }
    return table;
}();

void append_features(std::string& out, const digits::Features& x) {
    // Worst case "x":[ + 64 × "16," + ] = 198 characters, written into place.
    const std::size_t at = out.size();
    out.resize(at + 6 + 3 * x.size());
    char* p = out.data() + at;
    std::memcpy(p, "\"x\":[", 5);
    p += 5;
    for (const std::uint8_t v : x) {
        // Decoded records hold 0..16; the clamp only keeps a careless caller in bounds.
        const auto& entry = kFeatureText[v <= 16 ? v : 16];
        std::memcpy(p, entry.text, 3);
        p += entry.size;
    }
    p[-1] = ']'; // replaces the last comma
    out.resize(static_cast<std::size_t>(p - out.data()));
}

} // namespace

RecordEncoder::RecordEncoder() {
    buffer_.reserve(512);
}

std::string_view RecordEncoder::sink(const DigitRecord& record, int predicted) {
    buffer_.clear();
    buffer_ += '{';
    append_features(buffer_, record.x);
    buffer_ += ",\"actual_y\":";
    append_int(buffer_, record.label);
    buffer_ += ",\"predict_y\":";
    append_int(buffer_, predicted);
    buffer_ += '}';
    return buffer_;
}

std::string_view RecordEncoder::dead_letter(std::string_view original, RecordError reason,
                                            const SourcePosition& from) {
    return dead_letter(original, to_string(reason), from);
}

std::string_view RecordEncoder::dead_letter(std::string_view original, std::string_view reason,
                                            const SourcePosition& from) {
    buffer_.clear();
    buffer_ += "{\"reason\":";
    append_json_string(buffer_, reason);
    buffer_ += ",\"topic\":";
    append_json_string(buffer_, from.topic);
    buffer_ += ",\"partition\":";
    append_int(buffer_, from.partition);
    buffer_ += ",\"offset\":";
    append_int(buffer_, from.offset);
    buffer_ += ",\"value_base64\":\"";
    append_base64(buffer_, original);
    buffer_ += "\"}";
    return buffer_;
}

void append_source_record(std::string& out, const DigitRecord& record) {
    char ts[19];
    format_timestamp(record.ts_epoch_s, ts);
    out += "{\"ts\":\"";
    out.append(ts, sizeof ts);
    out += "\",";
    append_features(out, record.x);
    out += ",\"actual_y\":";
    append_int(out, record.label);
    out += '}';
}

void append_json_string(std::string& out, std::string_view text) {
    out += '"';
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20) {
            constexpr std::string_view hex = "0123456789abcdef";
            out += "\\u00";
            out += hex[u >> 4];
            out += hex[u & 15];
        } else {
            out += c;
        }
    }
    out += '"';
}

void append_base64(std::string& out, std::string_view bytes) {
    std::size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const std::uint32_t v = std::uint32_t(std::uint8_t(bytes[i])) << 16 |
                                std::uint32_t(std::uint8_t(bytes[i + 1])) << 8 |
                                std::uint8_t(bytes[i + 2]);
        out += kBase64Alphabet[v >> 18];
        out += kBase64Alphabet[v >> 12 & 63];
        out += kBase64Alphabet[v >> 6 & 63];
        out += kBase64Alphabet[v & 63];
    }
    const std::size_t rest = bytes.size() - i;
    if (rest == 0) return;
    std::uint32_t v = std::uint32_t(std::uint8_t(bytes[i])) << 16;
    if (rest == 2) v |= std::uint32_t(std::uint8_t(bytes[i + 1])) << 8;
    out += kBase64Alphabet[v >> 18];
    out += kBase64Alphabet[v >> 12 & 63];
    out += rest == 2 ? kBase64Alphabet[v >> 6 & 63] : '=';
    out += '=';
}

bool decode_base64(std::string_view text, std::string& out) {
    if (text.size() % 4 != 0) return false;
    std::uint32_t v = 0;
    int bits = 0;
    std::size_t padding = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '=') {
            // Only the last one or two characters may be padding.
            if (i < text.size() - 2) return false;
            ++padding;
            continue;
        }
        if (padding) return false;
        const auto pos = kBase64Alphabet.find(c);
        if (pos == std::string_view::npos) return false;
        v = v << 6 | static_cast<std::uint32_t>(pos);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>(v >> bits & 0xff);
        }
    }
    return true;
}

} // namespace liveml::stream
