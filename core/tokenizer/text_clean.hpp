#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace liveml::tokenizer {

// CLIP's text normalisation: invalid UTF-8 replaced by U+FFFD, Unicode NFC, common HTML
// entities unescaped (twice, as CLIP does), runs of whitespace collapsed to one space,
// stripped, lowercased (Unicode-aware). ftfy's mojibake repair is not reproduced.
std::string clean_text(std::string_view text);

// The CLIP pre-tokenizer on cleaned text: <|startoftext|> | <|endoftext|> | 's 't 're 've 'm
// 'll 'd | runs of letters (\p{L}) | single numbers (\p{N}) | runs of anything else that is
// not whitespace. Whitespace separates and is dropped.
std::vector<std::string> split_words(std::string_view cleaned);

} // namespace liveml::tokenizer
