#pragma once
#include <filesystem>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace liveml::tokenizer {

// A vocabulary in CLIP's layout, so that Hugging Face's CLIPTokenizer and ours both load it:
// ids 0..255 the byte symbols, 256..511 the byte symbols + "</w>", then one token per merge
// in rank order, then <|startoftext|> and <|endoftext|> (the largest id, where HF's CLIP
// text model pools by argmax).
struct BpeVocab {
    std::vector<std::string> tokens;                         // index = id
    std::vector<std::pair<std::string, std::string>> merges; // rank order

    std::string vocab_json() const; // {"token": id, …}
    std::string merges_txt() const; // "#version: 0.2" header, then "a b" per line
    // Writes vocab.json and merges.txt into `dir` (atomically each).
    void write(const std::filesystem::path& dir) const;
};

// Learns up to `max_merges` byte-level BPE merges from texts (cleaned and split exactly as
// the tokenizer does), most frequent adjacent pair first, ties broken by the pair's
// spelling so the result is deterministic. Stops early when no pair occurs twice.
BpeVocab train_bpe(std::span<const std::string> texts, std::size_t max_merges);

} // namespace liveml::tokenizer
