#include "tokenizer/byte_unicode.hpp"

#include <stdexcept>
#include <unordered_map>

namespace liveml::tokenizer {
namespace {

std::string utf8(char32_t cp) {
    std::string out;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xc0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3f));
    } else {
        out += static_cast<char>(0xe0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (cp & 0x3f));
    }
    return out;
}

bool printable(unsigned b) {
    return (b >= '!' && b <= '~') || (b >= 0xa1 && b <= 0xac) || (b >= 0xae && b <= 0xff);
}

struct Tables {
    std::array<char32_t, 256> code_points{};
    std::array<unsigned char, 256> order{};
    std::array<std::string, 256> symbols;
    std::unordered_map<char32_t, unsigned char> inverse;

    Tables() {
        // Printable bytes stand for themselves; the rest take U+0100, U+0101, … in byte order,
        // so every byte becomes a visible, non-space character.
        std::size_t next = 0;
        for (unsigned b = 0; b < 256; ++b)
            if (printable(b)) order[next++] = static_cast<unsigned char>(b);
        char32_t extra = 0x100;
        for (unsigned b = 0; b < 256; ++b) {
            if (printable(b)) {
                code_points[b] = b;
            } else {
                code_points[b] = extra++;
                order[next++] = static_cast<unsigned char>(b);
            }
            symbols[b] = utf8(code_points[b]);
            inverse.emplace(code_points[b], static_cast<unsigned char>(b));
        }
    }
};

const Tables& tables() {
    static const Tables t;
    return t;
}

} // namespace

const std::array<char32_t, 256>& bytes_to_unicode() {
    return tables().code_points;
}

const std::array<unsigned char, 256>& byte_order() {
    return tables().order;
}

const std::string& byte_symbol(unsigned char byte) {
    return tables().symbols[byte];
}

std::string symbols_to_bytes(std::string_view symbols) {
    std::string out;
    const auto& inverse = tables().inverse;
    for (std::size_t i = 0; i < symbols.size();) {
        // The table only holds code points below U+0800: one or two UTF-8 bytes.
        const auto lead = static_cast<unsigned char>(symbols[i]);
        char32_t cp = lead;
        std::size_t len = 1;
        if ((lead & 0xe0) == 0xc0 && i + 1 < symbols.size()) {
            cp = ((lead & 0x1fu) << 6) | (static_cast<unsigned char>(symbols[i + 1]) & 0x3fu);
            len = 2;
        }
        const auto it = inverse.find(cp);
        if (it == inverse.end() || (lead >= 0x80 && len == 1))
            throw std::runtime_error("tokenizer: symbol outside the byte table in '" +
                                     std::string(symbols) + "'");
        out += static_cast<char>(it->second);
        i += len;
    }
    return out;
}

} // namespace liveml::tokenizer
