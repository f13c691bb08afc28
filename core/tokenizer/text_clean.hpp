#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace liveml::tokenizer {

// OpenAI CLIP's text cleaning (clip/simple_tokenizer.py): ftfy.fix_text, html.unescape twice,
// whitespace runs to one space, stripped, lowercased (Python's str.lower: full Unicode
// mappings). Invalid UTF-8 reads as U+FFFD.
std::string clean_text(std::string_view text);

// OpenAI CLIP's pre-tokenizer on cleaned text (the `regex` module, IGNORECASE):
// <|startoftext|> | <|endoftext|> | 's 't 're 've 'm 'll 'd | runs of letters (\p{L}) |
// single numbers (\p{N}) | runs of anything else that is not whitespace. Whitespace
// separates and is dropped.
std::vector<std::string> split_words(std::string_view cleaned);

} // namespace liveml::tokenizer
