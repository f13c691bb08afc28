#pragma once
#include <string>
#include <string_view>

namespace liveml::tokenizer {

// ftfy.fix_text (ftfy 6.3.1, default configuration) on UTF-8 text, the first step of OpenAI
// CLIP's text cleaning: HTML entities (unless the line holds '<'), mojibake from the
// single-byte codecs ftfy knows, C1 controls as Windows-1252, Latin ligatures, full- and
// half-width forms, curly quotes, line breaks, terminal escapes, control characters, NFC.
// Invalid UTF-8 input reads as U+FFFD (Python would never hold such a string).
std::string ftfy_fix_text(std::string_view text);

} // namespace liveml::tokenizer
