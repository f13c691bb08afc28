#pragma once
#include <array>
#include <string_view>

// ftfy 6.3.1's data (github.com/rspeer/python-ftfy, Apache-2.0, by Robyn Speer), generated
// into ftfy_tables.cpp by scripts/gen_clip_text_tables.py: what ftfy_fix.cpp needs to make
// the same decisions as ftfy.fix_text.
namespace liveml::tokenizer::ftfy {

struct SingleByteCodec {
    std::string_view name;            // Python's codec name ("sloppy-windows-1252", …)
    std::array<char32_t, 256> decode; // byte -> code point
};
// ftfy's CHARMAP_ENCODINGS in the order it tries them.
const std::array<SingleByteCodec, 10>& single_byte_codecs();

// ICU regular expressions equal to ftfy's (byte patterns run over text holding one
// U+0000..U+00FF character per byte).
std::string_view badness_pattern();         // badness.BADNESS_RE: text that looks like mojibake
std::string_view utf8_detector_pattern();   // chardata.UTF8_DETECTOR_RE
std::string_view altered_utf8_pattern();    // chardata.ALTERED_UTF8_RE (bytes)
std::string_view lossy_utf8_pattern();      // chardata.LOSSY_UTF8_RE (bytes)
std::string_view a_grave_word_pattern();    // fixes.A_GRAVE_WORD_RE (bytes)
std::string_view terminal_escape_pattern(); // fixes.ANSI_RE

} // namespace liveml::tokenizer::ftfy
