#include "json_output.hpp"

#include <array>
#include <charconv>
#include <cmath>

namespace liveml::cli {
namespace {

// Length of the well-formed UTF-8 sequence starting at s[i] (RFC 3629: no overlongs, no
// surrogates, nothing above U+10FFFF), or 0 when the bytes there are not one.
std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char lead = byte(i);
    std::size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF; // allowed range of the second byte
    if (lead >= 0xC2 && lead <= 0xDF) {
        len = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        len = 3;
        if (lead == 0xE0) lo = 0xA0;
        if (lead == 0xED) hi = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        len = 4;
        if (lead == 0xF0) lo = 0x90;
        if (lead == 0xF4) hi = 0x8F;
    } else {
        return 0;
    }
    if (i + len > s.size()) return 0;
    if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
    for (std::size_t k = 2; k < len; ++k)
        if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
    return len;
}

template <class Int> void append_integer(std::string& out, Int value) {
    std::array<char, 24> buf{};
    const auto res = std::to_chars(buf.data(), buf.data() + buf.size(), value);
    out.append(buf.data(), res.ptr);
}

} // namespace

void append_json_double(std::string& out, double value) {
    if (!std::isfinite(value)) {
        out += "null";
        return;
    }
    std::array<char, 32> buf{};
    const auto res = std::to_chars(buf.data(), buf.data() + buf.size(), value);
    const std::string_view text(buf.data(), static_cast<std::size_t>(res.ptr - buf.data()));
    out += text;
    // "-0" and "3" would read back as integers (and lose the sign of zero) in most parsers.
    if (text.find_first_of(".e") == std::string_view::npos) out += ".0";
}

void append_json_string(std::string& out, std::string_view text) {
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x80) {
            const std::size_t len = utf8_sequence_length(text, i);
            if (len == 0) {
                out += "\\ufffd";
                ++i;
            } else {
                out.append(text.substr(i, len));
                i += len;
            }
            continue;
        }
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (c < 0x20 || c == 0x7F) {
                out += "\\u00";
                out += kHex[c >> 4];
                out += kHex[c & 0xF];
            } else {
                out += static_cast<char>(c);
            }
        }
        ++i;
    }
    out += '"';
}

std::string json_array(std::span<const double> values) {
    std::string out = "[";
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i) out += ',';
        append_json_double(out, values[i]);
    }
    out += ']';
    return out;
}

std::string& JsonObject::key(std::string_view name) {
    if (body_.size() > 1) body_ += ',';
    append_json_string(body_, name);
    body_ += ':';
    return body_;
}

JsonObject& JsonObject::add(std::string_view k, std::string_view value) {
    append_json_string(key(k), value);
    return *this;
}

JsonObject& JsonObject::add(std::string_view k, double value) {
    append_json_double(key(k), value);
    return *this;
}

JsonObject& JsonObject::add(std::string_view k, std::int64_t value) {
    append_integer(key(k), value);
    return *this;
}

JsonObject& JsonObject::add(std::string_view k, std::uint64_t value) {
    append_integer(key(k), value);
    return *this;
}

JsonObject& JsonObject::add(std::string_view k, bool value) {
    key(k) += value ? "true" : "false";
    return *this;
}

JsonObject& JsonObject::add(std::string_view k, std::span<const double> values) {
    key(k) += json_array(values);
    return *this;
}

JsonObject& JsonObject::add(std::string_view k, std::span<const int> values) {
    std::string& out = key(k);
    out += '[';
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i) out += ',';
        append_integer(out, values[i]);
    }
    out += ']';
    return *this;
}

JsonObject& JsonObject::add_raw(std::string_view k, std::string_view json) {
    key(k) += json;
    return *this;
}

std::string confusion_json(const std::vector<std::vector<std::uint64_t>>& counts) {
    std::string out = "[";
    for (std::size_t r = 0; r < counts.size(); ++r) {
        out += r ? ",[" : "[";
        for (std::size_t c = 0; c < counts[r].size(); ++c)
            out += (c ? "," : "") + std::to_string(counts[r][c]);
        out += ']';
    }
    return out + ']';
}

} // namespace liveml::cli
