// Captions and model directories (vocab.json, merges.txt) are outside input. Only the public
// ClipTokenizer API is driven, so the target survives changes to the text cleaning behind it.
// The first byte picks the mode: even = fuzz the text against a fixed vocabulary that holds
// every byte symbol (so any text tokenizes), odd = fuzz the vocabulary files themselves,
// given as "vocab.json\0merges.txt".
#include "tokenizer/byte_unicode.hpp"
#include "tokenizer/clip_tokenizer.hpp"

#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <vector>

using namespace liveml::tokenizer;

namespace {

std::string json_string(const std::string& text) {
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

// Every byte symbol alone and word-final, a few merges, and the special tokens.
const ClipTokenizer& byte_vocabulary_tokenizer() {
    static const ClipTokenizer tokenizer = [] {
        std::vector<std::string> tokens;
        for (const unsigned char byte : byte_order())
            tokens.push_back(byte_symbol(byte));
        for (const unsigned char byte : byte_order())
            tokens.push_back(byte_symbol(byte) + "</w>");
        for (const char* extra :
             {"th", "the</w>", "ca", "cat</w>", "<|startoftext|>", "<|endoftext|>"})
            tokens.emplace_back(extra);
        std::string vocab = "{";
        for (std::size_t id = 0; id < tokens.size(); ++id)
            vocab += (id ? "," : "") + json_string(tokens[id]) + ":" + std::to_string(id);
        vocab += "}";
        const std::string merges = "#version: 0.2\nt h\nth e</w>\nc a\nca t</w>\n";
        return ClipTokenizer::from_strings(vocab, merges, {.context_length = 16});
    }();
    return tokenizer;
}

void check_ids(const ClipTokenizer& tokenizer, const std::vector<std::int64_t>& ids) {
    for (const std::int64_t id : ids)
        if (id < 0 || static_cast<std::size_t>(id) >= tokenizer.vocab_size()) std::abort();
}

void fuzz_text(std::string_view text) {
    const ClipTokenizer& tokenizer = byte_vocabulary_tokenizer();
    const std::vector<std::int64_t> body = tokenizer.tokenize(text);
    check_ids(tokenizer, body);
    (void)tokenizer.decode(body);
    const std::vector<std::int64_t> framed = tokenizer.encode(text);
    if (framed.size() != static_cast<std::size_t>(tokenizer.context_length()) ||
        framed.front() != tokenizer.sot_id())
        std::abort();
    check_ids(tokenizer, framed);
    // Ids read from a file or another process may be anything.
    std::vector<std::int64_t> raw(text.size() / 2);
    for (std::size_t i = 0; i < raw.size(); ++i)
        raw[i] = static_cast<std::int16_t>(static_cast<unsigned char>(text[2 * i]) |
                                           static_cast<unsigned char>(text[2 * i + 1]) << 8);
    (void)tokenizer.decode(raw);
}

void fuzz_files(std::string_view files) {
    const auto split = files.find('\0');
    const std::string_view vocab = files.substr(0, split);
    const std::string_view merges =
        split == std::string_view::npos ? std::string_view{} : files.substr(split + 1);
    try {
        const ClipTokenizer tokenizer = ClipTokenizer::from_strings(vocab, merges);
        for (const std::string_view text : {"a photo of a cat", "The 2 dogs!", "caf\xc3\xa9"}) {
            const std::vector<std::int64_t> ids = tokenizer.encode(text);
            (void)tokenizer.decode(ids);
        }
    } catch (const std::runtime_error&) {
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
    if (data[0] % 2 == 0)
        fuzz_text(rest);
    else
        fuzz_files(rest);
    return 0;
}
