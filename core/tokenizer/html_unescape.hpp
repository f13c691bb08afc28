#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace liveml::tokenizer {

// Python's html.unescape on UTF-8 text: "&name;" and the HTML5 names valid without ';'
// (longest known prefix first, as Python does), "&#123;"/"&#x7B;" with or without ';',
// Windows-1252 for 128..159, U+FFFD for surrogates and numbers past U+10FFFF, nothing for
// the code points HTML forbids. Anything else stays as written.
std::string html_unescape(std::string_view text);

// The text of the HTML5 entity `name` exactly as Python spells it ("amp;", "amp"), if any.
std::optional<std::string_view> html5_entity(std::string_view name);

} // namespace liveml::tokenizer
