#include "tokenizer/text_clean.hpp"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <array>
#include <cstdlib>
#include <stdexcept>
#include <utility>

namespace liveml::tokenizer {
namespace {

// The entities that occur in scraped captions; numeric references cover the rest.
constexpr std::array<std::pair<std::string_view, char32_t>, 12> kEntities{{
    {"amp", '&'},
    {"lt", '<'},
    {"gt", '>'},
    {"quot", '"'},
    {"apos", '\''},
    {"nbsp", 0xa0},
    {"ndash", 0x2013},
    {"mdash", 0x2014},
    {"lsquo", 0x2018},
    {"rsquo", 0x2019},
    {"ldquo", 0x201c},
    {"rdquo", 0x201d},
}};

void append_utf8(std::string& out, char32_t cp) {
    char buf[4];
    std::int32_t len = 0;
    UBool error = false;
    U8_APPEND(buf, len, 4, static_cast<UChar32>(cp), error);
    if (error) return;
    out.append(buf, static_cast<std::size_t>(len));
}

// Decodes "&name;", "&#123;" and "&#x1F;" (semicolon required). Invalid numeric references
// become U+FFFD, as Python's html.unescape does; unknown names are left untouched.
std::string html_unescape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto semi = s[i] == '&' ? s.find(';', i + 1) : std::string_view::npos;
        if (semi == std::string_view::npos || semi - i > 12) {
            out += s[i];
            continue;
        }
        const auto body = s.substr(i + 1, semi - i - 1);
        bool decoded = false;
        if (body.size() >= 2 && body[0] == '#') {
            const bool hex = body[1] == 'x' || body[1] == 'X';
            const std::string digits(body.substr(hex ? 2 : 1));
            char* end = nullptr;
            const unsigned long value =
                digits.empty() ? 0 : std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
            if (!digits.empty() && end && *end == '\0') {
                const bool valid =
                    value > 0 && value <= 0x10ffff && (value < 0xd800 || value > 0xdfff);
                append_utf8(out, valid ? static_cast<char32_t>(value) : 0xfffd);
                decoded = true;
            }
        } else {
            for (const auto& [name, cp] : kEntities)
                if (body == name) {
                    append_utf8(out, cp);
                    decoded = true;
                    break;
                }
        }
        if (decoded)
            i = semi;
        else
            out += s[i];
    }
    return out;
}

bool is_space(UChar32 c) {
    return u_isUWhiteSpace(c) || (c >= 0x1c && c <= 0x1f);
}
bool is_letter(UChar32 c) {
    return (U_GET_GC_MASK(c) & U_GC_L_MASK) != 0;
}
bool is_number(UChar32 c) {
    return (U_GET_GC_MASK(c) & U_GC_N_MASK) != 0;
}

// Decodes the code point at byte offset i (input is valid UTF-8: it came from ICU).
UChar32 code_point_at(std::string_view s, std::size_t i, std::size_t& next) {
    std::int32_t pos = static_cast<std::int32_t>(i);
    UChar32 c = 0;
    U8_NEXT(s.data(), pos, static_cast<std::int32_t>(s.size()), c);
    next = static_cast<std::size_t>(pos);
    return c;
}

} // namespace

std::string clean_text(std::string_view text) {
    UErrorCode status = U_ZERO_ERROR;
    const auto* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) throw std::runtime_error("tokenizer: ICU NFC normaliser unavailable");
    // fromUTF8 replaces malformed sequences with U+FFFD.
    auto normalized = nfc->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(
                                         text.data(), static_cast<int32_t>(text.size()))),
                                     status);
    if (U_FAILURE(status)) throw std::runtime_error("tokenizer: text normalisation failed");
    std::string utf8;
    normalized.toUTF8String(utf8);
    // Twice, like CLIP's basic_clean: captions scraped from HTML are often double-escaped.
    utf8 = html_unescape(html_unescape(utf8));

    std::string collapsed;
    collapsed.reserve(utf8.size());
    bool pending_space = false;
    for (std::size_t i = 0, next = 0; i < utf8.size(); i = next) {
        const UChar32 c = code_point_at(utf8, i, next);
        if (is_space(c)) {
            pending_space = !collapsed.empty();
            continue;
        }
        if (pending_space) collapsed += ' ';
        pending_space = false;
        collapsed.append(utf8, i, next - i);
    }
    std::string lowered;
    icu::UnicodeString::fromUTF8(collapsed).toLower(icu::Locale::getRoot()).toUTF8String(lowered);
    return lowered;
}

std::vector<std::string> split_words(std::string_view s) {
    static constexpr std::array<std::string_view, 2> kSpecials{"<|startoftext|>", "<|endoftext|>"};
    static constexpr std::array<std::string_view, 7> kContractions{"'s", "'t",  "'re", "'ve",
                                                                   "'m", "'ll", "'d"};
    std::vector<std::string> words;
    // Alternatives are tried in the pattern's order at each match start; within a run the
    // class is consumed greedily, exactly as the regex engine does.
    auto starts_with_any = [&](std::size_t i, auto& options) -> std::size_t {
        for (auto option : options)
            if (s.substr(i, option.size()) == option) return option.size();
        return 0;
    };
    for (std::size_t i = 0, next = 0; i < s.size(); i = next) {
        if (const auto n = starts_with_any(i, kSpecials); n != 0) {
            words.emplace_back(s.substr(i, n));
            next = i + n;
            continue;
        }
        if (const auto n = starts_with_any(i, kContractions); n != 0) {
            words.emplace_back(s.substr(i, n));
            next = i + n;
            continue;
        }
        const UChar32 c = code_point_at(s, i, next);
        if (is_space(c)) continue;
        if (is_number(c)) {
            words.emplace_back(s.substr(i, next - i));
            continue;
        }
        const bool letters = is_letter(c);
        auto same_run = [&](UChar32 d) {
            return letters ? is_letter(d) : !is_letter(d) && !is_number(d) && !is_space(d);
        };
        std::size_t end = next;
        while (end < s.size()) {
            std::size_t after = 0;
            if (!same_run(code_point_at(s, end, after))) break;
            end = after;
        }
        words.emplace_back(s.substr(i, end - i));
        next = end;
    }
    return words;
}

} // namespace liveml::tokenizer
