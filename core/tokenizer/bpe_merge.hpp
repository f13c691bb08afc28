#pragma once
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace liveml::tokenizer {

// Merge ranks keyed by "left right" (the merges.txt spelling); lower rank merges first.
using MergeRanks = std::unordered_map<std::string, int>;

// A word as CLIP's BPE starts it: one symbol per UTF-8 byte (GPT-2 byte table), the last
// symbol carrying "</w>".
std::vector<std::string> initial_symbols(std::string_view word);

// Repeatedly merges the adjacent pair with the lowest rank (every occurrence, left to right)
// until no adjacent pair has a rank.
std::vector<std::string> apply_merges(std::vector<std::string> symbols, const MergeRanks& ranks);

} // namespace liveml::tokenizer
