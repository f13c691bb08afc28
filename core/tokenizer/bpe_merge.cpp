#include "tokenizer/bpe_merge.hpp"

#include "tokenizer/byte_unicode.hpp"

#include <limits>

namespace liveml::tokenizer {

std::vector<std::string> initial_symbols(std::string_view word) {
    std::vector<std::string> symbols;
    symbols.reserve(word.size());
    for (char c : word)
        symbols.push_back(byte_symbol(static_cast<unsigned char>(c)));
    if (!symbols.empty()) symbols.back() += "</w>";
    return symbols;
}

std::vector<std::string> apply_merges(std::vector<std::string> symbols, const MergeRanks& ranks) {
    std::string key;
    while (symbols.size() > 1) {
        int best_rank = std::numeric_limits<int>::max();
        std::size_t best = 0;
        for (std::size_t i = 0; i + 1 < symbols.size(); ++i) {
            key.assign(symbols[i]).append(" ").append(symbols[i + 1]);
            const auto it = ranks.find(key);
            if (it != ranks.end() && it->second < best_rank) {
                best_rank = it->second;
                best = i;
            }
        }
        if (best_rank == std::numeric_limits<int>::max()) break;
        const std::string left = symbols[best];
        const std::string right = symbols[best + 1];
        std::vector<std::string> merged;
        merged.reserve(symbols.size());
        for (std::size_t i = 0; i < symbols.size();) {
            if (i + 1 < symbols.size() && symbols[i] == left && symbols[i + 1] == right) {
                merged.push_back(left + right);
                i += 2;
            } else {
                merged.push_back(std::move(symbols[i]));
                ++i;
            }
        }
        symbols = std::move(merged);
    }
    return symbols;
}

} // namespace liveml::tokenizer
