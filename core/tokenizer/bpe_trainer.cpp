#include "tokenizer/bpe_trainer.hpp"

#include "common/file_bytes.hpp"
#include "tokenizer/bpe_merge.hpp"
#include "tokenizer/byte_unicode.hpp"
#include "tokenizer/text_clean.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <set>

namespace liveml::tokenizer {
namespace {

struct Word {
    std::vector<std::string> symbols;
    std::size_t count = 0;
};

using Pair = std::pair<std::string, std::string>;

std::vector<Word> count_words(std::span<const std::string> texts) {
    std::map<std::string, std::size_t> counts;
    for (const auto& text : texts)
        for (auto& word : split_words(clean_text(text)))
            if (word != "<|startoftext|>" && word != "<|endoftext|>") ++counts[word];
    std::vector<Word> words;
    words.reserve(counts.size());
    for (const auto& [word, count] : counts)
        words.push_back({initial_symbols(word), count});
    return words;
}

// The most frequent adjacent pair (ties: smallest spelling), or nothing when no pair occurs
// at least twice (a merge seen once only memorises that word).
std::optional<Pair> best_pair(const std::vector<Word>& words) {
    std::map<Pair, std::size_t> counts;
    for (const auto& w : words)
        for (std::size_t i = 0; i + 1 < w.symbols.size(); ++i)
            counts[{w.symbols[i], w.symbols[i + 1]}] += w.count;
    std::optional<Pair> best;
    std::size_t best_count = 1;
    for (const auto& [pair, count] : counts)
        if (count > best_count) { // map order makes the first of equal counts the smallest
            best = pair;
            best_count = count;
        }
    return best;
}

void merge_everywhere(std::vector<Word>& words, const Pair& pair) {
    for (auto& w : words) {
        std::vector<std::string> merged;
        merged.reserve(w.symbols.size());
        for (std::size_t i = 0; i < w.symbols.size();) {
            if (i + 1 < w.symbols.size() && w.symbols[i] == pair.first &&
                w.symbols[i + 1] == pair.second) {
                merged.push_back(pair.first + pair.second);
                i += 2;
            } else {
                merged.push_back(w.symbols[i++]);
            }
        }
        w.symbols = std::move(merged);
    }
}

} // namespace

BpeVocab train_bpe(std::span<const std::string> texts, std::size_t max_merges) {
    BpeVocab vocab;
    std::set<std::string> known;
    auto add_token = [&](const std::string& token) {
        if (known.insert(token).second) vocab.tokens.push_back(token);
    };
    for (auto b : byte_order())
        add_token(byte_symbol(b));
    for (auto b : byte_order())
        add_token(byte_symbol(b) + "</w>");

    auto words = count_words(texts);
    while (vocab.merges.size() < max_merges) {
        const auto pair = best_pair(words);
        if (!pair) break;
        merge_everywhere(words, *pair);
        vocab.merges.push_back(*pair);
        // Two different merges can spell the same token ("a"+"bc", "ab"+"c"): one id serves both.
        add_token(pair->first + pair->second);
    }
    add_token("<|startoftext|>");
    add_token("<|endoftext|>");
    return vocab;
}

std::string BpeVocab::vocab_json() const {
    nlohmann::ordered_json json = nlohmann::ordered_json::object();
    for (std::size_t id = 0; id < tokens.size(); ++id)
        json[tokens[id]] = id;
    return json.dump();
}

std::string BpeVocab::merges_txt() const {
    std::string out = "#version: 0.2\n";
    for (const auto& [left, right] : merges)
        out += left + ' ' + right + '\n';
    return out;
}

void BpeVocab::write(const std::filesystem::path& dir) const {
    std::filesystem::create_directories(dir);
    write_file_atomic(dir / "vocab.json", vocab_json());
    write_file_atomic(dir / "merges.txt", merges_txt());
}

} // namespace liveml::tokenizer
