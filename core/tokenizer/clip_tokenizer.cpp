#include "tokenizer/clip_tokenizer.hpp"

#include "common/file_bytes.hpp"
#include "tokenizer/bpe_merge.hpp"
#include "tokenizer/byte_unicode.hpp"
#include "tokenizer/text_clean.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <limits>
#include <mutex>
#include <stdexcept>
#include <unordered_map>

namespace liveml::tokenizer {
namespace {

constexpr std::string_view kSot = "<|startoftext|>";
constexpr std::string_view kEot = "<|endoftext|>";
constexpr std::size_t kMaxVocabFileBytes = 64u << 20;
constexpr std::int64_t kMaxTokenId = 10'000'000;

[[noreturn]] void fail(const std::string& what) {
    throw std::runtime_error("tokenizer: " + what);
}

} // namespace

struct ClipTokenizer::Impl {
    TokenizerOptions options;
    std::unordered_map<std::string, std::int64_t> encoder;
    std::vector<std::string> decoder; // id -> token ("" for unused ids)
    MergeRanks ranks;
    std::int64_t sot = 0;
    std::int64_t eot = 0;
    std::int64_t pad = 0;
    mutable std::mutex cache_mutex;
    mutable std::unordered_map<std::string, std::vector<std::int64_t>> cache;

    std::int64_t id_of(const std::string& token) const {
        const auto it = encoder.find(token);
        // Hugging Face maps tokens missing from the vocabulary to its unk token, which for CLIP
        // is <|endoftext|>; full CLIP vocabularies contain every byte symbol, so this only
        // happens with reduced vocabularies.
        return it == encoder.end() ? eot : it->second;
    }

    std::vector<std::int64_t> word_ids(const std::string& word) const {
        if (word == kSot) return {sot};
        if (word == kEot) return {eot};
        {
            std::lock_guard lock(cache_mutex);
            if (const auto it = cache.find(word); it != cache.end()) return it->second;
        }
        std::vector<std::int64_t> ids;
        for (const auto& symbol : apply_merges(initial_symbols(word), ranks))
            ids.push_back(id_of(symbol));
        std::lock_guard lock(cache_mutex);
        if (cache.size() >= options.cache_capacity) cache.clear();
        cache.emplace(word, ids);
        return ids;
    }
};

ClipTokenizer::ClipTokenizer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ClipTokenizer::ClipTokenizer(ClipTokenizer&&) noexcept = default;
ClipTokenizer& ClipTokenizer::operator=(ClipTokenizer&&) noexcept = default;
ClipTokenizer::~ClipTokenizer() = default;

namespace {

std::unique_ptr<ClipTokenizer::Impl> make_impl(const TokenizerOptions& options) {
    if (options.context_length < 2) fail("context length must be at least 2");
    auto impl = std::make_unique<ClipTokenizer::Impl>();
    impl->options = options;
    return impl;
}

void add_token(ClipTokenizer::Impl& impl, const std::string& token, std::int64_t id) {
    impl.encoder.emplace(token, id);
    if (impl.decoder.size() <= static_cast<std::size_t>(id))
        impl.decoder.resize(static_cast<std::size_t>(id) + 1);
    if (!impl.decoder[static_cast<std::size_t>(id)].empty())
        fail("vocab.json: id " + std::to_string(id) + " is used twice");
    impl.decoder[static_cast<std::size_t>(id)] = token;
}

// The "a b" lines after an optional '#' header; stops after max_merges merges. With
// `define_tokens` each merge also adds its merged token as the next id (OpenAI's layout),
// otherwise the merged token must already be in the vocabulary.
void add_merges(ClipTokenizer::Impl& impl, std::string_view merges_txt, std::size_t max_merges,
                bool define_tokens) {
    std::size_t line_no = 0;
    std::size_t rank = 0;
    for (std::size_t pos = 0; pos < merges_txt.size() && rank < max_merges;) {
        auto end = merges_txt.find('\n', pos);
        if (end == std::string_view::npos) end = merges_txt.size();
        std::string_view line = merges_txt.substr(pos, end - pos);
        pos = end + 1;
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line_no == 1 && (define_tokens || line.starts_with("#"))) continue; // header
        if (line.empty()) continue;
        const auto space = line.find(' ');
        if (space == std::string_view::npos || space == 0 || space + 1 == line.size() ||
            line.find(' ', space + 1) != std::string_view::npos)
            fail("merges.txt line " + std::to_string(line_no) + ": expected two tokens 'a b'");
        const std::string merged =
            std::string(line.substr(0, space)) + std::string(line.substr(space + 1));
        if (define_tokens && !impl.encoder.contains(merged))
            add_token(impl, merged, static_cast<std::int64_t>(impl.decoder.size()));
        if (!impl.encoder.contains(merged))
            fail("merges.txt line " + std::to_string(line_no) + ": merged token '" + merged +
                 "' is not in vocab.json");
        // First occurrence keeps its rank.
        impl.ranks.emplace(std::string(line), static_cast<int>(rank++));
    }
}

ClipTokenizer::Impl& with_specials(ClipTokenizer::Impl& impl) {
    for (auto special : {kSot, kEot})
        if (!impl.encoder.contains(std::string(special)))
            fail("vocab.json has no " + std::string(special) + " token");
    impl.sot = impl.encoder.at(std::string(kSot));
    impl.eot = impl.encoder.at(std::string(kEot));
    impl.pad = impl.options.pad_id < 0 ? impl.eot : impl.options.pad_id;
    return impl;
}

} // namespace

ClipTokenizer ClipTokenizer::from_strings(std::string_view vocab_json, std::string_view merges_txt,
                                          TokenizerOptions options) {
    auto impl = make_impl(options);
    nlohmann::json vocab;
    try {
        vocab = nlohmann::json::parse(vocab_json);
    } catch (const nlohmann::json::exception& e) {
        fail(std::string("vocab.json is not valid JSON (") + e.what() + ")");
    }
    if (!vocab.is_object() || vocab.empty()) fail("vocab.json must be a non-empty object");
    for (const auto& [token, id] : vocab.items()) {
        if (!id.is_number_integer() || id.get<std::int64_t>() < 0 ||
            id.get<std::int64_t>() > kMaxTokenId)
            fail("vocab.json: id of '" + token + "' is not an integer in 0.." +
                 std::to_string(kMaxTokenId));
        add_token(*impl, token, id.get<std::int64_t>());
    }
    with_specials(*impl);
    add_merges(*impl, merges_txt, std::numeric_limits<std::size_t>::max(), false);
    return ClipTokenizer(std::move(impl));
}

ClipTokenizer ClipTokenizer::from_openai_bpe(const std::filesystem::path& merges_file,
                                             TokenizerOptions options) {
    // simple_tokenizer reads lines 1..48,894 after the header: 49,152 ids less 256 byte
    // symbols, 256 end-of-word byte symbols and the two specials.
    constexpr std::size_t kOpenAiMerges = 49'152 - 256 - 2;
    const auto text = read_maybe_gzip(merges_file, kMaxVocabFileBytes);
    try {
        auto impl = make_impl(options);
        for (const auto byte : byte_order())
            add_token(*impl, byte_symbol(byte), static_cast<std::int64_t>(impl->decoder.size()));
        for (const auto byte : byte_order())
            add_token(*impl, byte_symbol(byte) + "</w>",
                      static_cast<std::int64_t>(impl->decoder.size()));
        add_merges(*impl, text, kOpenAiMerges, true);
        if (impl->ranks.size() != kOpenAiMerges)
            fail("expected " + std::to_string(kOpenAiMerges) + " merges, found " +
                 std::to_string(impl->ranks.size()));
        for (auto special : {kSot, kEot})
            add_token(*impl, std::string(special), static_cast<std::int64_t>(impl->decoder.size()));
        with_specials(*impl);
        return ClipTokenizer(std::move(impl));
    } catch (const std::runtime_error& e) {
        throw std::runtime_error(std::string(e.what()) + " (file " + merges_file.string() + ")");
    }
}

ClipTokenizer ClipTokenizer::from_files(const std::filesystem::path& vocab_json,
                                        const std::filesystem::path& merges_txt,
                                        TokenizerOptions options) {
    const auto vocab = read_file_bytes(vocab_json, kMaxVocabFileBytes);
    const auto merges = read_file_bytes(merges_txt, kMaxVocabFileBytes);
    try {
        return from_strings(vocab, merges, options);
    } catch (const std::runtime_error& e) {
        throw std::runtime_error(std::string(e.what()) + " (files " + vocab_json.string() + ", " +
                                 merges_txt.string() + ")");
    }
}

ClipTokenizer ClipTokenizer::from_directory(const std::filesystem::path& dir,
                                            TokenizerOptions options) {
    return from_files(dir / "vocab.json", dir / "merges.txt", options);
}

std::vector<std::int64_t> ClipTokenizer::tokenize(std::string_view text) const {
    std::vector<std::int64_t> ids;
    for (const auto& word : split_words(clean_text(text))) {
        const auto word_ids = impl_->word_ids(word);
        ids.insert(ids.end(), word_ids.begin(), word_ids.end());
    }
    return ids;
}

std::vector<std::int64_t> ClipTokenizer::encode(std::string_view text) const {
    std::vector<std::int64_t> ids;
    frame(tokenize(text), ids);
    return ids;
}

TokenBatch ClipTokenizer::encode_batch(std::span<const std::string> texts) const {
    TokenBatch batch;
    batch.context_length = impl_->options.context_length;
    batch.ids.reserve(texts.size() * static_cast<std::size_t>(batch.context_length));
    for (const auto& text : texts)
        batch.lengths.push_back(frame(tokenize(text), batch.ids));
    return batch;
}

int ClipTokenizer::frame(const std::vector<std::int64_t>& body,
                         std::vector<std::int64_t>& out) const {
    const auto context = static_cast<std::size_t>(impl_->options.context_length);
    const std::size_t kept = std::min(body.size(), context - 2);
    out.push_back(impl_->sot);
    out.insert(out.end(), body.begin(), body.begin() + static_cast<std::ptrdiff_t>(kept));
    out.push_back(impl_->eot);
    out.insert(out.end(), context - kept - 2, impl_->pad);
    return static_cast<int>(kept) + 2;
}

std::string ClipTokenizer::decode(std::span<const std::int64_t> ids) const {
    std::string symbols;
    for (auto id : ids) {
        if (id == impl_->sot || id == impl_->eot || id == impl_->pad || id < 0 ||
            static_cast<std::size_t>(id) >= impl_->decoder.size())
            continue;
        symbols += impl_->decoder[static_cast<std::size_t>(id)];
    }
    std::string text;
    std::string run; // symbols of the current word, decoded when "</w>" ends it
    for (std::size_t i = 0; i < symbols.size();) {
        if (symbols.compare(i, 4, "</w>") == 0) {
            text += symbols_to_bytes(run) + ' ';
            run.clear();
            i += 4;
        } else {
            run += symbols[i++];
        }
    }
    text += symbols_to_bytes(run);
    while (!text.empty() && text.back() == ' ')
        text.pop_back();
    return text;
}

std::int64_t ClipTokenizer::sot_id() const {
    return impl_->sot;
}
std::int64_t ClipTokenizer::eot_id() const {
    return impl_->eot;
}
std::int64_t ClipTokenizer::pad_id() const {
    return impl_->pad;
}
std::size_t ClipTokenizer::vocab_size() const {
    return impl_->decoder.size();
}
int ClipTokenizer::context_length() const {
    return impl_->options.context_length;
}

} // namespace liveml::tokenizer
