#pragma once
#include <array>
#include <span>
#include <string_view>

namespace liveml::tokenizer {

// Python's html module data (html.entities.html5 and html's charref rules), generated into
// html_entities.cpp by scripts/gen_clip_text_tables.py so that our unescaping is Python's.

struct HtmlEntity {
    std::string_view name; // as Python spells it: "amp;", and "amp" where HTML5 allows no ';'
    std::string_view text; // UTF-8
};
// Numeric references Python does not decode as their code point (0, CR, and the
// Windows-1252 remap of 0x80..0x9F).
struct CharrefRemap {
    char32_t number;
    std::string_view text; // UTF-8
};

std::span<const HtmlEntity> html5_entities();         // sorted by name, bytewise
std::span<const CharrefRemap> html_charref_remaps();  // sorted by number
std::span<const char32_t> html_dropped_code_points(); // sorted; a reference to one decodes to ""

} // namespace liveml::tokenizer
