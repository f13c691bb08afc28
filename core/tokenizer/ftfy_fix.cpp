// A port of ftfy 6.3.1's fix_text (github.com/rspeer/python-ftfy, Apache-2.0, by Robyn
// Speer) with its default configuration, step for step, so that CLIP's text cleaning gives
// OpenAI's ids. Text is held as ICU UTF-16 strings because ftfy's heuristics are regular
// expressions (generated into ftfy_tables.cpp) and ICU runs them with the same semantics.
#include "tokenizer/ftfy_fix.hpp"

#include "tokenizer/ftfy_tables.hpp"
#include "tokenizer/html_unescape.hpp"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/regex.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <unordered_map>

namespace liveml::tokenizer {
namespace {

using icu::UnicodeString;

[[noreturn]] void fail(const char* what) {
    throw std::runtime_error(std::string("tokenizer: ") + what);
}

std::unique_ptr<icu::RegexPattern> compile(std::string_view pattern) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse_error{};
    std::unique_ptr<icu::RegexPattern> compiled(
        icu::RegexPattern::compile(UnicodeString::fromUTF8(icu::StringPiece(
                                       pattern.data(), static_cast<std::int32_t>(pattern.size()))),
                                   0, parse_error, status));
    if (U_FAILURE(status)) fail("an ftfy pattern does not compile in ICU");
    return compiled;
}

struct Patterns {
    std::unique_ptr<icu::RegexPattern> badness = compile(ftfy::badness_pattern());
    std::unique_ptr<icu::RegexPattern> utf8_detector = compile(ftfy::utf8_detector_pattern());
    std::unique_ptr<icu::RegexPattern> altered_utf8 = compile(ftfy::altered_utf8_pattern());
    std::unique_ptr<icu::RegexPattern> lossy_utf8 = compile(ftfy::lossy_utf8_pattern());
    std::unique_ptr<icu::RegexPattern> a_grave_word = compile(ftfy::a_grave_word_pattern());
    std::unique_ptr<icu::RegexPattern> terminal_escape = compile(ftfy::terminal_escape_pattern());
};

// Compiled once; RegexPattern is immutable and shareable, matchers are made per call.
const Patterns& patterns() {
    static const Patterns compiled;
    return compiled;
}

bool search(const icu::RegexPattern& pattern, const UnicodeString& text) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::RegexMatcher> matcher(pattern.matcher(text, status));
    const bool found = U_SUCCESS(status) && matcher->find(status);
    if (U_FAILURE(status)) fail("regex search failed");
    return found;
}

// re.sub with a function: every non-overlapping match, left to right, replaced by fn(match).
UnicodeString substitute(const icu::RegexPattern& pattern, const UnicodeString& text,
                         const std::function<UnicodeString(const UnicodeString&)>& fn) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::RegexMatcher> matcher(pattern.matcher(text, status));
    if (U_FAILURE(status)) fail("regex matcher failed");
    UnicodeString out;
    std::int32_t copied = 0;
    while (matcher->find(status) && U_SUCCESS(status)) {
        const auto start = matcher->start(status);
        const auto end = matcher->end(status);
        out.append(text, copied, start - copied);
        out.append(fn(text.tempSubStringBetween(start, end)));
        copied = end;
    }
    if (U_FAILURE(status)) fail("regex substitution failed");
    out.append(text, copied, text.length() - copied);
    return out;
}

// --- single-byte codecs -----------------------------------------------------------------

// One codec's encoder: the code points it can write and their bytes. As ftfy's
// possible_encoding, ASCII but U+001A always counts, plus whatever bytes 0x80..0xFF and
// 0x1A decode to.
struct Encoder {
    std::string_view name;
    const std::array<char32_t, 256>* decode;
    std::unordered_map<UChar32, char> bytes;

    std::optional<std::string> encode(const UnicodeString& text) const {
        std::string out;
        out.reserve(static_cast<std::size_t>(text.length()));
        for (std::int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
            const auto it = bytes.find(text.char32At(i));
            if (it == bytes.end()) return std::nullopt;
            out += it->second;
        }
        return out;
    }
};

const std::vector<Encoder>& encoders() {
    static const std::vector<Encoder> all = [] {
        std::vector<Encoder> list;
        for (const auto& codec : ftfy::single_byte_codecs()) {
            Encoder encoder{codec.name, &codec.decode, {}};
            for (int b = 0; b < 0x80; ++b)
                if (b != 0x1a) encoder.bytes.emplace(b, static_cast<char>(b));
            for (int b = 0x80; b < 0x100; ++b)
                encoder.bytes.emplace(static_cast<UChar32>(codec.decode[b]), static_cast<char>(b));
            encoder.bytes.emplace(static_cast<UChar32>(codec.decode[0x1a]), '\x1a');
            list.push_back(std::move(encoder));
        }
        return list;
    }();
    return all;
}

const std::array<char32_t, 256>& sloppy_windows_1252() {
    return ftfy::single_byte_codecs()[1].decode;
}

// Bytes as text, one U+0000..U+00FF character each, so ftfy's byte patterns can run on them.
UnicodeString bytes_as_latin1(std::string_view bytes) {
    UnicodeString out;
    for (unsigned char b : bytes)
        out.append(static_cast<char16_t>(b));
    return out;
}
std::string latin1_as_bytes(const UnicodeString& text) {
    std::string out;
    for (std::int32_t i = 0; i < text.length(); ++i)
        out += static_cast<char>(text.charAt(i));
    return out;
}

// Python's strict UTF-8 decoder; with `variants`, ftfy's utf-8-variants, which also accepts
// Java's C0 80 for U+0000 and CESU-8 surrogate pairs.
std::optional<UnicodeString> decode_utf8(std::string_view bytes, bool variants) {
    auto at = [&](std::size_t i) { return static_cast<unsigned char>(bytes[i]); };
    auto in = [](unsigned char b, unsigned char lo, unsigned char hi) {
        return b >= lo && b <= hi;
    };
    UnicodeString out;
    const auto n = bytes.size();
    for (std::size_t i = 0; i < n;) {
        if (variants && at(i) == 0xc0 && i + 1 < n && at(i + 1) == 0x80) {
            out.append(static_cast<UChar32>(0));
            i += 2;
            continue;
        }
        if (variants && at(i) == 0xed && i + 5 < n && in(at(i + 1), 0xa0, 0xaf) &&
            in(at(i + 2), 0x80, 0xbf) && at(i + 3) == 0xed && in(at(i + 4), 0xb0, 0xbf) &&
            in(at(i + 5), 0x80, 0xbf)) {
            out.append(static_cast<UChar32>(((at(i + 1) & 0x0f) << 16) +
                                            ((at(i + 2) & 0x3f) << 10) + ((at(i + 4) & 0x0f) << 6) +
                                            (at(i + 5) & 0x3f) + 0x10000));
            i += 6;
            continue;
        }
        auto pos = static_cast<std::int32_t>(i);
        UChar32 c = 0;
        U8_NEXT(bytes.data(), pos, static_cast<std::int32_t>(n), c);
        if (c < 0) return std::nullopt;
        out.append(c);
        i = static_cast<std::size_t>(pos);
    }
    return out;
}

// --- ftfy's fixes ---------------------------------------------------------------------

bool is_bad(const UnicodeString& text) {
    return search(*patterns().badness, text);
}

bool is_ascii(const UnicodeString& text) {
    for (std::int32_t i = 0; i < text.length(); ++i)
        if (text.charAt(i) > 0x7f) return false;
    return true;
}

UnicodeString fix_c1_controls(const UnicodeString& text) {
    UnicodeString out;
    for (std::int32_t i = 0; i < text.length(); ++i) {
        const char16_t c = text.charAt(i);
        out.append(c >= 0x80 && c <= 0x9f ? static_cast<UChar32>(sloppy_windows_1252()[c])
                                          : static_cast<UChar32>(c));
    }
    return out;
}

bool has_c1_control(const UnicodeString& text) {
    for (std::int32_t i = 0; i < text.length(); ++i)
        if (text.charAt(i) >= 0x80 && text.charAt(i) <= 0x9f) return true;
    return false;
}

// fixes.restore_byte_a0: spaces that stand where a UTF-8 sequence had its A0 byte.
std::string restore_byte_a0(const std::string& bytes) {
    auto text = substitute(*patterns().a_grave_word, bytes_as_latin1(bytes),
                           [](const UnicodeString&) { return bytes_as_latin1("\xc3\xa0 "); });
    text = substitute(*patterns().altered_utf8, text, [](const UnicodeString& match) {
        UnicodeString fixed(match);
        fixed.findAndReplace(UnicodeString(u' '), UnicodeString(static_cast<char16_t>(0xa0)));
        return fixed;
    });
    return latin1_as_bytes(text);
}

// fixes.replace_lossy_sequences: sequences that lost a byte become U+FFFD's UTF-8.
std::string replace_lossy_sequences(const std::string& bytes) {
    return latin1_as_bytes(
        substitute(*patterns().lossy_utf8, bytes_as_latin1(bytes),
                   [](const UnicodeString&) { return bytes_as_latin1("\xef\xbf\xbd"); }));
}

UnicodeString fix_encoding(const UnicodeString& text);

// fixes.decode_inconsistent_utf8: mojibake embedded in otherwise fine text.
UnicodeString decode_inconsistent_utf8(const UnicodeString& text) {
    return substitute(*patterns().utf8_detector, text, [&](const UnicodeString& match) {
        return match.length() < text.length() && is_bad(match) ? fix_encoding(match)
                                                               : UnicodeString(match);
    });
}

// Python's strict "windows-1252" on latin-1 bytes: the five bytes it leaves undefined fail.
std::optional<UnicodeString> latin1_as_windows_1252(const UnicodeString& text) {
    UnicodeString out;
    for (std::int32_t i = 0; i < text.length(); ++i) {
        const char16_t b = text.charAt(i);
        if (b < 0x80) {
            out.append(b);
            continue;
        }
        if (b > 0xff) return std::nullopt; // not latin-1: Python's encode would fail too
        const char32_t c = sloppy_windows_1252()[b];
        if (b < 0xa0 && c == b) return std::nullopt; // sloppy fills undefined bytes with latin-1
        out.append(static_cast<UChar32>(c));
    }
    return out;
}

// ftfy._fix_encoding_one_step_and_explain.
UnicodeString fix_encoding_step(const UnicodeString& text) {
    if (text.isEmpty() || is_ascii(text) || !is_bad(text)) return text;
    bool latin1_possible = false;
    for (const auto& encoder : encoders()) {
        auto bytes = encoder.encode(text);
        if (!bytes) continue;
        if (encoder.name == "latin-1") latin1_possible = true;
        if (encoder.name != "macroman" && search(*patterns().altered_utf8, bytes_as_latin1(*bytes)))
            bytes = restore_byte_a0(*bytes);
        if (encoder.name.starts_with("sloppy")) bytes = replace_lossy_sequences(*bytes);
        const bool variants = bytes->find_first_of("\xed\xc0") != std::string::npos;
        if (auto fixed = decode_utf8(*bytes, variants)) return *fixed;
    }
    if (search(*patterns().utf8_detector, text)) {
        auto fixed = decode_inconsistent_utf8(text);
        if (fixed != text) return fixed;
    }
    // ftfy keeps text that is both latin-1 and "windows-1252", but the codec it tried is
    // "sloppy-windows-1252", so that test never passes and latin-1 text is always re-read.
    if (latin1_possible)
        if (auto fixed = latin1_as_windows_1252(text); fixed && *fixed != text) return *fixed;
    if (has_c1_control(text)) return fix_c1_controls(text);
    return text;
}

UnicodeString fix_encoding(const UnicodeString& text) {
    UnicodeString current = text;
    while (true) {
        auto next = fix_encoding_step(current);
        if (next == current) return current;
        current = std::move(next);
    }
}

// fixes.unescape_html: "&#?[0-9A-Za-z]{1,24};" through ftfy's entity table, which is
// html5's names with ';' plus ALL-CAPS spellings of its lower-case ones.
std::optional<std::string> ftfy_entity(const std::string& reference) {
    const std::string name = reference.substr(1); // without '&', with ';'
    if (name[0] == '#') {
        const auto unescaped = html_unescape(reference);
        if (unescaped.find(';') != std::string::npos) return std::nullopt;
        return unescaped;
    }
    if (const auto text = html5_entity(name)) return std::string(*text);
    std::string lower = name;
    for (auto& c : lower)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
        else if (c >= 'a' && c <= 'z')
            return std::nullopt; // not an upper-cased name
    const auto text = html5_entity(lower);
    if (!text || html_unescape(reference) != reference) return std::nullopt;
    std::string upper;
    UnicodeString::fromUTF8(*text).toUpper(icu::Locale::getRoot()).toUTF8String(upper);
    return upper;
}

UnicodeString unescape_html(const UnicodeString& text) {
    auto is_alnum = [](char16_t c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    };
    UnicodeString out;
    for (std::int32_t i = 0; i < text.length();) {
        if (text.charAt(i) == '&') {
            std::int32_t p = i + 1;
            if (p < text.length() && text.charAt(p) == '#') ++p;
            std::int32_t end = p;
            while (end < text.length() && end - p < 24 && is_alnum(text.charAt(end)))
                ++end;
            if (end > p && end < text.length() && text.charAt(end) == ';') {
                std::string reference;
                text.tempSubStringBetween(i, end + 1).toUTF8String(reference);
                if (const auto replaced = ftfy_entity(reference)) {
                    out.append(UnicodeString::fromUTF8(*replaced));
                    i = end + 1;
                    continue;
                }
            }
        }
        out.append(text.charAt(i++));
    }
    return out;
}

// LIGATURES: the Latin ligatures and digraphs ftfy spells out.
UnicodeString fix_latin_ligatures(const UnicodeString& text) {
    static const std::unordered_map<UChar32, std::u16string_view> kLigatures{
        {0x132, u"IJ"},       {0x133, u"ij"},  {0x149, u"\u02bcn"}, {0x1f1, u"DZ"},
        {0x1f2, u"Dz"},       {0x1f3, u"dz"},  {0x1c4, u"D\u017d"}, {0x1c5, u"D\u017e"},
        {0x1c6, u"d\u017e"},  {0x1c7, u"LJ"},  {0x1c8, u"Lj"},      {0x1c9, u"lj"},
        {0x1ca, u"NJ"},       {0x1cb, u"Nj"},  {0x1cc, u"nj"},      {0xfb00, u"ff"},
        {0xfb01, u"fi"},      {0xfb02, u"fl"}, {0xfb03, u"ffi"},    {0xfb04, u"ffl"},
        {0xfb05, u"\u017ft"}, {0xfb06, u"st"},
    };
    UnicodeString out;
    for (std::int32_t i = 0; i < text.length(); ++i) {
        const auto it = kLigatures.find(text.charAt(i));
        if (it == kLigatures.end())
            out.append(text.charAt(i));
        else
            out.append(it->second.data(), static_cast<std::int32_t>(it->second.size()));
    }
    return out;
}

// WIDTH_MAP: U+3000 and the halfwidth/fullwidth block U+FF01..U+FFEF to their NFKC forms.
UnicodeString fix_character_width(const UnicodeString& text) {
    UErrorCode status = U_ZERO_ERROR;
    const auto* nfkc = icu::Normalizer2::getNFKCInstance(status);
    if (U_FAILURE(status)) fail("ICU NFKC normaliser unavailable");
    UnicodeString out;
    for (std::int32_t i = 0; i < text.length(); ++i) {
        const char16_t c = text.charAt(i);
        if (c == 0x3000)
            out.append(u' ');
        else if (c >= 0xff01 && c <= 0xffef)
            out.append(nfkc->normalize(UnicodeString(c), status));
        else
            out.append(c);
    }
    return out;
}

UnicodeString uncurl_quotes(const UnicodeString& text) {
    UnicodeString out(text);
    for (std::int32_t i = 0; i < out.length(); ++i) {
        const char16_t c = out.charAt(i);
        if (c == 0x2bc || (c >= 0x2018 && c <= 0x201b))
            out.setCharAt(i, u'\'');
        else if (c >= 0x201c && c <= 0x201f)
            out.setCharAt(i, u'"');
    }
    return out;
}

UnicodeString fix_line_breaks(const UnicodeString& text) {
    UnicodeString out;
    for (std::int32_t i = 0; i < text.length(); ++i) {
        const char16_t c = text.charAt(i);
        if (c == u'\r' && i + 1 < text.length() && text.charAt(i + 1) == u'\n') continue;
        out.append(c == u'\r' || c == 0x2028 || c == 0x2029 || c == 0x85 ? u'\n' : c);
    }
    return out;
}

// CONTROL_CHARS: C0 controls but tab, LF, FF and CR; DEL; deprecated format characters;
// the byte-order mark; interlinear annotation characters.
UnicodeString remove_control_chars(const UnicodeString& text) {
    UnicodeString out;
    for (std::int32_t i = 0; i < text.length(); ++i) {
        const char16_t c = text.charAt(i);
        const bool control = c <= 0x08 || c == 0x0b || (c >= 0x0e && c <= 0x1f) || c == 0x7f ||
                             (c >= 0x206a && c <= 0x206f) || c == 0xfeff ||
                             (c >= 0xfff9 && c <= 0xfffc);
        if (!control) out.append(c);
    }
    return out;
}

UnicodeString nfc(const UnicodeString& text) {
    UErrorCode status = U_ZERO_ERROR;
    const auto* normalizer = icu::Normalizer2::getNFCInstance(status);
    auto out = normalizer->normalize(text, status);
    if (U_FAILURE(status)) fail("NFC normalisation failed");
    return out;
}

// ftfy.fix_and_explain on one segment: every fix, again and again until nothing changes.
// (fix_surrogates is left out: text decoded from UTF-8 holds no lone surrogates.)
UnicodeString fix_segment(UnicodeString text, bool unescape) {
    while (true) {
        const UnicodeString original = text;
        if (unescape) text = unescape_html(text);
        text = fix_encoding(text);
        text = fix_c1_controls(text);
        text = fix_latin_ligatures(text);
        text = fix_character_width(text);
        text = uncurl_quotes(text);
        text = fix_line_breaks(text);
        text = substitute(*patterns().terminal_escape, text,
                          [](const UnicodeString&) { return UnicodeString(); });
        text = remove_control_chars(text);
        text = nfc(text);
        if (text == original) return text;
    }
}

// Printable ASCII with tabs, line feeds and form feeds but no '&': every fix leaves it as it is
// (nothing to decode, unescape, widen, uncurl or remove; NFC is the identity), so captions
// skip the UTF-16 round trip.
bool unchanged_by_ftfy(std::string_view text) {
    for (const char c : text)
        if ((c < 0x20 || c > 0x7e || c == '&') && c != '\t' && c != '\n' && c != '\f') return false;
    return true;
}

} // namespace

std::string ftfy_fix_text(std::string_view input) {
    if (unchanged_by_ftfy(input)) return std::string(input);
    // fromUTF8 replaces malformed sequences with U+FFFD.
    const auto text = UnicodeString::fromUTF8(
        icu::StringPiece(input.data(), static_cast<std::int32_t>(input.size())));
    constexpr std::int32_t kMaxSegmentCodePoints = 1'000'000; // ftfy's max_decode_length
    UnicodeString out;
    bool unescape = true; // ftfy's "auto": once a segment holds '<', off for the rest
    for (std::int32_t pos = 0; pos < text.length();) {
        std::int32_t end = text.indexOf(u'\n', pos) + 1;
        if (end == 0) end = text.length();
        if (text.countChar32(pos, end - pos) > kMaxSegmentCodePoints)
            end = text.moveIndex32(pos, kMaxSegmentCodePoints);
        const auto segment = text.tempSubStringBetween(pos, end);
        if (unescape && segment.indexOf(u'<') >= 0) unescape = false;
        out.append(fix_segment(segment, unescape));
        pos = end;
    }
    std::string utf8;
    out.toUTF8String(utf8);
    return utf8;
}

} // namespace liveml::tokenizer
