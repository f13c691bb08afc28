#pragma once
#include <array>
#include <string>
#include <string_view>

namespace liveml::tokenizer {

// GPT-2's reversible byte -> printable code point table used by byte-level BPE: printable
// Latin-1 bytes map to themselves, the other 68 bytes to U+0100 upwards, in byte order.
const std::array<char32_t, 256>& bytes_to_unicode();
// The bytes in GPT-2's table order (printable ranges first, then the rest): the order in
// which CLIP's vocabulary lists the 256 byte symbols.
const std::array<unsigned char, 256>& byte_order();

// UTF-8 of the code point that stands for `byte`.
const std::string& byte_symbol(unsigned char byte);
// Inverse of byte_symbol over a whole token string; throws std::runtime_error for a code
// point that is not in the table.
std::string symbols_to_bytes(std::string_view symbols);

} // namespace liveml::tokenizer
