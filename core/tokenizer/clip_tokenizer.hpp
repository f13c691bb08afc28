#pragma once
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace liveml::tokenizer {

struct TokenizerOptions {
    int context_length = 77;
    // Id written after <|endoftext|> to fill the context. -1 = the end-of-text id (what
    // Hugging Face's CLIPTokenizer does); OpenAI's clip.tokenize pads with 0.
    std::int64_t pad_id = -1;
    std::size_t cache_capacity = 50'000; // BPE results remembered per word
};

// A batch ready for a text encoder: ids row-major [batch, context_length]; lengths[i] counts
// the real tokens of row i including <|startoftext|> and <|endoftext|>, so the end-of-text
// token (where CLIP pools) sits at lengths[i] - 1.
struct TokenBatch {
    int context_length = 0;
    std::vector<std::int64_t> ids;
    std::vector<int> lengths;
    std::size_t size() const { return lengths.size(); }
};

// CLIP's byte-level BPE tokenizer (OpenAI's clip/simple_tokenizer.py: its text cleaning,
// pre-tokenizer and BPE) from Hugging Face's vocab.json + merges.txt or OpenAI's merges file.
// Thread-safe: encode() may be called concurrently (the word cache is locked).
class ClipTokenizer {
  public:
    // Throws std::runtime_error with the file and the reason for malformed files, merges
    // that name unknown tokens, or a vocabulary without <|startoftext|>/<|endoftext|>.
    static ClipTokenizer from_files(const std::filesystem::path& vocab_json,
                                    const std::filesystem::path& merges_txt,
                                    TokenizerOptions options = {});
    static ClipTokenizer from_strings(std::string_view vocab_json, std::string_view merges_txt,
                                      TokenizerOptions options = {});
    // OpenAI's vocabulary file (bpe_simple_vocab_16e6.txt[.gz], or resources/data's
    // openai_clip_merges.txt.gz): a header line, then merges, of which the first 48,894 are
    // used; ids are the 256 byte symbols, the same with "</w>", one per merge, then
    // <|startoftext|> and <|endoftext|>, exactly as simple_tokenizer builds them.
    static ClipTokenizer from_openai_bpe(const std::filesystem::path& merges_file,
                                         TokenizerOptions options = {});
    // Loads vocab.json + merges.txt from a Hugging Face model directory.
    static ClipTokenizer from_directory(const std::filesystem::path& dir,
                                        TokenizerOptions options = {});

    ClipTokenizer(ClipTokenizer&&) noexcept;
    ClipTokenizer& operator=(ClipTokenizer&&) noexcept;
    ~ClipTokenizer();

    // BPE ids of the cleaned text, no start/end tokens, no truncation.
    std::vector<std::int64_t> tokenize(std::string_view text) const;
    // <|startoftext|> ids… <|endoftext|> pad…, exactly context_length long. Longer input is
    // cut so that <|endoftext|> is still the last real token.
    std::vector<std::int64_t> encode(std::string_view text) const;
    TokenBatch encode_batch(std::span<const std::string> texts) const;
    // Ids back to text (</w> becomes a space; start/end/pad tokens dropped).
    std::string decode(std::span<const std::int64_t> ids) const;

    std::int64_t sot_id() const;
    std::int64_t eot_id() const;
    std::int64_t pad_id() const;
    std::size_t vocab_size() const;
    int context_length() const;

    struct Impl; // the vocabulary, merges and word cache (clip_tokenizer.cpp)

  private:
    explicit ClipTokenizer(std::unique_ptr<Impl> impl);
    // Appends <|startoftext|> body <|endoftext|> pad… (context_length ids) to `out`, cutting the
    // body to fit; returns the number of real tokens.
    int frame(const std::vector<std::int64_t>& body, std::vector<std::int64_t>& out) const;
    std::unique_ptr<Impl> impl_;
};

} // namespace liveml::tokenizer
