#include "tokenizer/bpe_trainer.hpp"
#include "tokenizer/byte_unicode.hpp"
#include "tokenizer/clip_tokenizer.hpp"
#include "tokenizer/text_clean.hpp"

#include <gtest/gtest.h>

#include <filesystem>

using namespace liveml::tokenizer;
using Ids = std::vector<std::int64_t>;

namespace {

// A hand-written vocabulary. ASCII letters, digits and punctuation are their own byte
// symbols; "é" is the two bytes C3 A9, whose GPT-2 symbols are "Ã" (U+00C3) and "©" (U+00A9).
constexpr const char* kVocab = R"({
  "a": 0, "b": 1, "c": 2, "t": 3, "s": 4, "'": 5, "1": 6, "2": 7,
  "a</w>": 8, "b</w>": 9, "c</w>": 10, "t</w>": 11, "s</w>": 12, "1</w>": 13, "2</w>": 14,
  "!</w>": 15, "?</w>": 16, "!": 17,
  "ca": 18, "cat</w>": 19, "ab": 20, "abc</w>": 21, "'s</w>": 22, "ba": 23, "!!</w>": 24,
  "<|startoftext|>": 25, "<|endoftext|>": 26,
  "Ã": 27, "©</w>": 28, "Ã©</w>": 29
})";
// Ranks are line order after the header: 0 "c a", 1 "ca t</w>", 2 "a b", 3 "ab c</w>",
// 4 "' s</w>", 5 "b a", 6 "! !</w>", 7 "Ã ©</w>".
constexpr const char* kMerges = "#version: 0.2\n"
                                "c a\n"
                                "ca t</w>\n"
                                "a b\n"
                                "ab c</w>\n"
                                "' s</w>\n"
                                "b a\n"
                                "! !</w>\n"
                                "Ã ©</w>\n";
constexpr std::int64_t kSot = 25;
constexpr std::int64_t kEot = 26; // also the unknown-token id, as in Hugging Face's CLIP

ClipTokenizer hand_tokenizer(TokenizerOptions options = {}) {
    return ClipTokenizer::from_strings(kVocab, kMerges, options);
}

} // namespace

TEST(ByteUnicode, Gpt2Table) {
    const auto& table = bytes_to_unicode();
    EXPECT_EQ(table['!'], U'!');
    EXPECT_EQ(table['a'], U'a');
    EXPECT_EQ(table[0], 0x100u);   // first non-printable byte
    EXPECT_EQ(table[' '], 0x120u); // 33rd non-printable: the famous "Ġ"
    EXPECT_EQ(table[0x7f], 0x121u);
    EXPECT_EQ(table[0xad], 0x143u); // soft hyphen, the last one
    EXPECT_EQ(byte_order()[0], '!');
    EXPECT_EQ(byte_order()[255], 0xad);
    std::string all;
    for (int b = 0; b < 256; ++b)
        all += byte_symbol(static_cast<unsigned char>(b));
    std::string expected;
    for (int b = 0; b < 256; ++b)
        expected += static_cast<char>(b);
    EXPECT_EQ(symbols_to_bytes(all), expected);
}

TEST(TextClean, NormalisesLikeClip) {
    EXPECT_EQ(clean_text("  A\tPhoto \n\n OF  a CAT  "), "a photo of a cat");
    EXPECT_EQ(clean_text("Tom &amp; Jerry &lt;3 &#39;hi&#x27; &amp;amp;"), "tom & jerry <3 'hi' &");
    EXPECT_EQ(clean_text("&unknown; &#0;"), "&unknown; \xEF\xBF\xBD");
    EXPECT_EQ(clean_text("CAF\x45\xCC\x81"), "caf\xC3\xA9"); // E + combining acute -> NFC é
    EXPECT_EQ(clean_text("\xC3\x89T\xC3\x89"), "\xC3\xA9t\xC3\xA9"); // ÉTÉ lowercased
    EXPECT_EQ(clean_text("bad \xFF byte"), "bad \xEF\xBF\xBD byte");
    EXPECT_EQ(clean_text(""), "");
    EXPECT_EQ(clean_text(" \t\n "), "");
}

TEST(TextClean, SplitPattern) {
    using W = std::vector<std::string>;
    EXPECT_EQ(split_words("we're they'll i'd you've i'm don't it's"),
              (W{"we", "'re", "they", "'ll", "i", "'d", "you", "'ve", "i", "'m", "don", "'t", "it",
                 "'s"}));
    // Numbers are single code points; punctuation runs stay together; specials are words.
    EXPECT_EQ(split_words("in 2012, ok?! <|endoftext|>"),
              (W{"in", "2", "0", "1", "2", ",", "ok", "?!", "<|endoftext|>"}));
    // Letters of any script form words; superscript two is a number (\p{N}).
    EXPECT_EQ(split_words("na\xC3\xAFve \xE6\x9D\xB1\xE4\xBA\xAC x\xC2\xB2"),
              (W{"na\xC3\xAFve", "\xE6\x9D\xB1\xE4\xBA\xAC", "x", "\xC2\xB2"}));
    // A contraction only starts a match: inside a punctuation run the quote is punctuation.
    EXPECT_EQ(split_words("rock'n'roll !'s"), (W{"rock", "'", "n", "'", "roll", "!'", "s"}));
    EXPECT_TRUE(split_words("").empty());
}

TEST(ClipTokenizer, HandWorkedIds) {
    const auto tok = hand_tokenizer();
    EXPECT_EQ(tok.sot_id(), kSot);
    EXPECT_EQ(tok.eot_id(), kEot);
    // "cat" -> c a t</w>; "c a" (rank 0) -> ca t</w>; "ca t</w>" (rank 1) -> cat</w> = 19.
    EXPECT_EQ(tok.tokenize("cat"), (Ids{19}));
    // "A  CAB!!" cleans to "a cab!!", words a | cab | !!.
    //   a   -> a</w> = 8
    //   cab -> c a b</w>; "c a" -> ca b</w>; no rank for "ca b</w>" -> 18, 9
    //   !!  -> ! !</w>; "! !</w>" (rank 6) -> !!</w> = 24
    EXPECT_EQ(tok.tokenize("A  CAB!!"), (Ids{8, 18, 9, 24}));
    // "baba" -> b a b a</w>: candidate pairs "b a" (5), "a b" (2), "b a</w>" (none); the
    // lowest rank wins regardless of position: b ab a</w> -> no more ranked pairs -> 1, 20, 8.
    EXPECT_EQ(tok.tokenize("baba"), (Ids{1, 20, 8}));
    // "abc" -> a b c</w>; "a b" (2) -> ab c</w>; "ab c</w>" (3) -> abc</w> = 21.
    EXPECT_EQ(tok.tokenize("abc"), (Ids{21}));
    // "ab": the final b is "b</w>", and "a b</w>" has no rank -> a, b</w> = 0, 9.
    EXPECT_EQ(tok.tokenize("ab"), (Ids{0, 9}));
    // Contraction: "cat's" -> cat | 's; "' s</w>" (rank 4) -> 's</w> = 22.
    EXPECT_EQ(tok.tokenize("cat's"), (Ids{19, 22}));
    // Numbers split per digit, each its own word ending in </w>: 1</w> = 13, 2</w> = 14.
    EXPECT_EQ(tok.tokenize("1212"), (Ids{13, 14, 13, 14}));
    // "É" -> NFC + lowercase "é" = bytes C3 A9 -> Ã ©</w> -> merge 7 -> Ã©</w> = 29.
    EXPECT_EQ(tok.tokenize("\xC3\x89"), (Ids{29}));
    // Symbols missing from the vocabulary map to the unknown id (<|endoftext|>): "0</w>", "&</w>".
    EXPECT_EQ(tok.tokenize("10"), (Ids{13, kEot}));
    EXPECT_EQ(tok.tokenize("cat &amp; cat"), (Ids{19, kEot, 19}));
    // Whitespace of every kind only separates.
    EXPECT_EQ(tok.tokenize(" \t cat \n\n cat  "), (Ids{19, 19}));
    // Literal special tokens in the text are the special ids.
    EXPECT_EQ(tok.tokenize("cat<|endoftext|>"), (Ids{19, kEot}));
    EXPECT_EQ(tok.tokenize("<|startoftext|>"), (Ids{kSot}));
}

TEST(ClipTokenizer, EncodeFramesAndPads) {
    const auto tok = hand_tokenizer();
    const auto ids = tok.encode("cat's");
    ASSERT_EQ(ids.size(), 77u);
    EXPECT_EQ((Ids(ids.begin(), ids.begin() + 4)), (Ids{kSot, 19, 22, kEot}));
    for (std::size_t i = 4; i < ids.size(); ++i)
        EXPECT_EQ(ids[i], kEot) << i; // HF pads with eot

    const auto empty = tok.encode("");
    EXPECT_EQ(empty[0], kSot);
    EXPECT_EQ(empty[1], kEot);

    const auto zero_padded = hand_tokenizer({.context_length = 8, .pad_id = 0}).encode("cat");
    EXPECT_EQ(zero_padded, (Ids{kSot, 19, kEot, 0, 0, 0, 0, 0}));
}

TEST(ClipTokenizer, TruncatesKeepingEndOfTextLast) {
    const auto tok = hand_tokenizer();
    std::string long_text;
    for (int i = 0; i < 100; ++i)
        long_text += "cat ";
    const auto ids = tok.encode(long_text);
    ASSERT_EQ(ids.size(), 77u);
    EXPECT_EQ(ids.front(), kSot);
    EXPECT_EQ(ids.back(), kEot);
    for (std::size_t i = 1; i < 76; ++i)
        EXPECT_EQ(ids[i], 19);

    const std::vector<std::string> texts{long_text, "", "a cab"};
    const auto batch = tok.encode_batch(texts);
    ASSERT_EQ(batch.size(), 3u);
    EXPECT_EQ(batch.ids.size(), 3u * 77u);
    EXPECT_EQ(batch.lengths, (std::vector<int>{77, 2, 5})); // sot a</w> ca b</w> eot
    EXPECT_EQ(batch.ids[2 * 77 + 4], kEot);                 // the pooling position of row 2
    EXPECT_EQ((Ids(batch.ids.begin() + 77, batch.ids.begin() + 154)), tok.encode(""));
}

TEST(ClipTokenizer, DecodeRestoresWords) {
    const auto tok = hand_tokenizer();
    EXPECT_EQ(tok.decode(tok.encode("A cab!! baba")), "a cab !! baba");
    EXPECT_EQ(tok.decode(tok.encode("\xC3\x89")), "\xC3\xA9");
}

TEST(ClipTokenizer, RejectsMalformedFiles) {
    auto rejects = [](const char* vocab, const char* merges, const std::string& needle) {
        try {
            ClipTokenizer::from_strings(vocab, merges);
            ADD_FAILURE() << "accepted; expected " << needle;
        } catch (const std::runtime_error& e) {
            EXPECT_NE(std::string(e.what()).find(needle), std::string::npos) << e.what();
        }
    };
    rejects("{", "", "not valid JSON");
    rejects(R"({"a": 0})", "", "no <|startoftext|>");
    rejects(R"({"<|startoftext|>": 0, "<|endoftext|>": -1})", "", "not an integer");
    rejects(R"({"<|startoftext|>": 0, "<|endoftext|>": 0})", "", "used twice");
    rejects(kVocab, "#version: 0.2\nc a b\n", "line 2: expected two tokens");
    rejects(kVocab, "#version: 0.2\nt a\n", "merged token 'ta' is not in vocab.json");
    EXPECT_THROW(ClipTokenizer::from_files("/nonexistent/vocab.json", "/nonexistent/merges.txt"),
                 std::runtime_error);
}

TEST(BpeTrainer, LearnsMergesAndWritesHuggingFaceLayout) {
    const std::vector<std::string> captions{"a photo of a sneaker.", "a photo of a sandal.",
                                            "a sneaker on a table", "sandal and sneaker"};
    const auto vocab = train_bpe(captions, 1000);
    ASSERT_GE(vocab.tokens.size(), 514u);
    EXPECT_EQ(vocab.tokens[0], "!");
    EXPECT_EQ(vocab.tokens[256], "!</w>");
    EXPECT_EQ(vocab.tokens[vocab.tokens.size() - 2], "<|startoftext|>");
    EXPECT_EQ(vocab.tokens.back(), "<|endoftext|>"); // largest id: HF pools by argmax
    EXPECT_FALSE(vocab.merges.empty());

    const auto dir = std::filesystem::path(LIVEML_TEST_BINARY_DIR) / "trained_vocab";
    vocab.write(dir);
    const auto tok = ClipTokenizer::from_directory(dir);
    EXPECT_EQ(tok.eot_id(), static_cast<std::int64_t>(vocab.tokens.size() - 1));
    // Frequent words collapse to one token; unseen text still encodes byte by byte.
    EXPECT_EQ(tok.tokenize("sneaker").size(), 1u);
    EXPECT_EQ(tok.tokenize("a photo of a").size(), 4u);
    const std::string unseen = "zebra-crossing #42";
    EXPECT_EQ(tok.decode(tok.encode(unseen)), "zebra - crossing # 4 2");
    // Deterministic: training twice gives the same files.
    EXPECT_EQ(train_bpe(captions, 1000).merges_txt(), vocab.merges_txt());
    // Never merges pairs seen once; limited by max_merges.
    EXPECT_EQ(train_bpe(captions, 3).merges.size(), 3u);
}
