#include "tokenizer/html_unescape.hpp"

#include "tokenizer/html_entities.hpp"

#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>

namespace liveml::tokenizer {
namespace {

void append_utf8(std::string& out, char32_t cp) {
    char buf[4];
    std::int32_t len = 0;
    UBool error = false;
    U8_APPEND(buf, len, 4, static_cast<UChar32>(cp), error);
    if (error) return; // callers pass valid code points only
    out.append(buf, static_cast<std::size_t>(len));
}

bool is_digit(char c, bool hex) {
    return (c >= '0' && c <= '9') || (hex && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
}

// Python's "&#…" branch; `digits` is non-empty. Numbers too large for any code point are
// still parsed to the end (Python's int has no limit) and decode to U+FFFD.
void append_numeric(std::string& out, std::string_view digits, bool hex) {
    std::uint64_t value = 0;
    for (char c : digits) {
        const int d = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
        value = std::min<std::uint64_t>(value * (hex ? 16 : 10) + static_cast<std::uint64_t>(d),
                                        0x110000);
    }
    const auto remaps = html_charref_remaps();
    const auto remap =
        std::lower_bound(remaps.begin(), remaps.end(), value,
                         [](const CharrefRemap& r, std::uint64_t v) { return r.number < v; });
    if (remap != remaps.end() && remap->number == value) {
        out += remap->text;
        return;
    }
    if ((value >= 0xd800 && value <= 0xdfff) || value > 0x10ffff) {
        append_utf8(out, 0xfffd);
        return;
    }
    const auto dropped = html_dropped_code_points();
    if (std::binary_search(dropped.begin(), dropped.end(), static_cast<char32_t>(value))) return;
    append_utf8(out, static_cast<char32_t>(value));
}

// Python's named-reference characters: [^\t\n\f <&#;]{1,32}.
bool is_name_char(char c) {
    return c != '\t' && c != '\n' && c != '\f' && c != ' ' && c != '<' && c != '&' && c != '#' &&
           c != ';';
}

} // namespace

std::optional<std::string_view> html5_entity(std::string_view name) {
    const auto entities = html5_entities();
    const auto it =
        std::lower_bound(entities.begin(), entities.end(), name,
                         [](const HtmlEntity& e, std::string_view n) { return e.name < n; });
    if (it == entities.end() || it->name != name) return std::nullopt;
    return it->text;
}

std::string html_unescape(std::string_view s) {
    if (s.find('&') == std::string_view::npos) return std::string(s);
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        const auto amp = s.find('&', i);
        if (amp == std::string_view::npos) break;
        out.append(s, i, amp - i);
        std::size_t p = amp + 1;
        if (p < s.size() && s[p] == '#') {
            const bool hex = p + 1 < s.size() && (s[p + 1] == 'x' || s[p + 1] == 'X');
            const std::size_t start = p + (hex ? 2 : 1);
            std::size_t end = start;
            while (end < s.size() && is_digit(s[end], hex))
                ++end;
            if (end == start) { // "&#" without digits is no reference
                out += '&';
                i = amp + 1;
                continue;
            }
            append_numeric(out, s.substr(start, end - start), hex);
            i = end < s.size() && s[end] == ';' ? end + 1 : end;
            continue;
        }
        std::size_t end = p;
        std::size_t chars = 0;
        while (end < s.size() && chars < 32 && is_name_char(s[end])) {
            // Advance by one code point so the 32-character cap counts characters, as Python.
            end +=
                static_cast<std::size_t>(U8_COUNT_TRAIL_BYTES(static_cast<std::uint8_t>(s[end]))) +
                1;
            ++chars;
        }
        end = std::min(end, s.size());
        if (end == p) {
            out += '&';
            i = p;
            continue;
        }
        if (end < s.size() && s[end] == ';') ++end;
        const auto name = s.substr(p, end - p);
        if (const auto text = html5_entity(name)) {
            out += *text;
            i = end;
            continue;
        }
        // The longest known prefix of at least two characters, the rest kept as written.
        // Entity names are ASCII, so shortening by bytes tries the same candidates.
        bool found = false;
        for (std::size_t len = name.size() - 1; len > 1; --len) {
            if (const auto text = html5_entity(name.substr(0, len))) {
                out += *text;
                out.append(name.substr(len));
                found = true;
                break;
            }
        }
        if (!found) {
            out += '&';
            out.append(name);
        }
        i = end;
    }
    out.append(s, std::min(i, s.size()));
    return out;
}

} // namespace liveml::tokenizer
