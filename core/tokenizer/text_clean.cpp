#include "tokenizer/text_clean.hpp"

#include "tokenizer/ftfy_fix.hpp"
#include "tokenizer/html_unescape.hpp"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <array>
#include <cstdint>

namespace liveml::tokenizer {
namespace {

// The `regex` module's \s: the Unicode White_Space property.
bool is_space(UChar32 c) {
    return u_isUWhiteSpace(c);
}
// Python's str.isspace, what str.strip() removes: White_Space plus U+001C..U+001F.
bool is_python_space(UChar32 c) {
    return is_space(c) || (c >= 0x1c && c <= 0x1f);
}
bool is_letter(UChar32 c) {
    return (U_GET_GC_MASK(c) & U_GC_L_MASK) != 0;
}
bool is_number(UChar32 c) {
    return (U_GET_GC_MASK(c) & U_GC_N_MASK) != 0;
}
// COMBINING GREEK YPOGEGRAMMENI case-folds to a letter (iota), so under IGNORECASE it is in
// neither [\p{L}] nor [^\s\p{L}\p{N}]: OpenAI's pattern skips it like whitespace.
constexpr UChar32 kYpogegrammeni = 0x345;

// Decodes the code point at byte offset i (input is valid UTF-8: it came from ICU).
UChar32 code_point_at(std::string_view s, std::size_t i, std::size_t& next) {
    std::int32_t pos = static_cast<std::int32_t>(i);
    UChar32 c = 0;
    U8_NEXT(s.data(), pos, static_cast<std::int32_t>(s.size()), c);
    next = static_cast<std::size_t>(pos);
    return c;
}

// Length of the contraction ('s 't 're 've 'm 'll 'd) starting at i, or 0. Under IGNORECASE
// the long s (U+017F, already lower case) matches 's'.
std::size_t contraction_at(std::string_view s, std::size_t i) {
    static constexpr std::array<std::string_view, 8> kContractions{"'s", "'t",  "'re", "'ve",
                                                                   "'m", "'ll", "'d",  "'\xC5\xBF"};
    for (auto option : kContractions)
        if (s.substr(i, option.size()) == option) return option.size();
    return 0;
}

} // namespace

std::string clean_text(std::string_view text) {
    const std::string unescaped = html_unescape(html_unescape(ftfy_fix_text(text)));
    std::string collapsed;
    collapsed.reserve(unescaped.size());
    bool pending_space = false;
    for (std::size_t i = 0, next = 0; i < unescaped.size(); i = next) {
        const UChar32 c = code_point_at(unescaped, i, next);
        if (is_space(c)) {
            pending_space = true;
            continue;
        }
        if (pending_space) collapsed += ' ';
        pending_space = false;
        collapsed.append(unescaped, i, next - i);
    }
    // strip(): leading and trailing Python whitespace (the collapsed runs are single spaces).
    std::size_t begin = 0;
    for (std::size_t next = 0; begin < collapsed.size(); begin = next)
        if (!is_python_space(code_point_at(collapsed, begin, next))) break;
    std::size_t end = collapsed.size();
    while (end > begin) {
        std::size_t start = end - 1;
        while (start > begin && (static_cast<unsigned char>(collapsed[start]) & 0xc0) == 0x80)
            --start;
        std::size_t next = 0;
        if (!is_python_space(code_point_at(collapsed, start, next))) break;
        end = start;
    }
    std::string lowered;
    icu::UnicodeString::fromUTF8(
        icu::StringPiece(collapsed.data() + begin, static_cast<std::int32_t>(end - begin)))
        .toLower(icu::Locale::getRoot())
        .toUTF8String(lowered);
    return lowered;
}

std::vector<std::string> split_words(std::string_view s) {
    static constexpr std::array<std::string_view, 2> kSpecials{"<|startoftext|>", "<|endoftext|>"};
    std::vector<std::string> words;
    // Alternatives are tried in the pattern's order at each match start; within a run the
    // class is consumed greedily, exactly as the regex engine does.
    for (std::size_t i = 0, next = 0; i < s.size(); i = next) {
        std::size_t n = 0;
        for (auto special : kSpecials)
            if (s.substr(i, special.size()) == special) n = special.size();
        if (n == 0) n = contraction_at(s, i);
        if (n != 0) {
            words.emplace_back(s.substr(i, n));
            next = i + n;
            continue;
        }
        const UChar32 c = code_point_at(s, i, next);
        if (is_space(c) || c == kYpogegrammeni) continue;
        if (is_number(c)) {
            words.emplace_back(s.substr(i, next - i));
            continue;
        }
        const bool letters = is_letter(c);
        auto same_run = [&](UChar32 d) {
            return letters ? is_letter(d)
                           : !is_letter(d) && !is_number(d) && !is_space(d) && d != kYpogegrammeni;
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
