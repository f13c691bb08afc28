// Our tokenizer against OpenAI's clip/simple_tokenizer.py (with ftfy 6.3.1) on a corpus of
// strings that stress its text cleaning; the expected ids were produced by
// scripts/clip_tokenizer_reference.py.
#include "common/data_paths.hpp"
#include "tokenizer/clip_tokenizer.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>

using namespace liveml::tokenizer;
using Ids = std::vector<std::int64_t>;

namespace {

const ClipTokenizer& openai_tokenizer() {
    static const auto tokenizer =
        ClipTokenizer::from_openai_bpe(liveml::data_file("openai_clip_merges.txt.gz"));
    return tokenizer;
}

} // namespace

TEST(OpenAiVocabulary, IdsAsSimpleTokenizerBuildsThem) {
    const auto& tok = openai_tokenizer();
    EXPECT_EQ(tok.vocab_size(), 49408u);
    EXPECT_EQ(tok.sot_id(), 49406);
    EXPECT_EQ(tok.eot_id(), 49407);
    EXPECT_EQ(tok.tokenize("a photo of a cat."), (Ids{320, 1125, 539, 320, 2368, 269}));
    EXPECT_EQ(tok.decode(tok.tokenize("a photo of a cat.")), "a photo of a cat .");
}

// The examples the issue names.
TEST(OpenAiParity, IssueExamples) {
    const auto& tok = openai_tokenizer();
    EXPECT_EQ(tok.tokenize("it\xE2\x80\x99s"), (Ids{585, 568}));                  // it’s
    EXPECT_EQ(tok.tokenize("\xEF\xBC\xA1\xEF\xBC\xA2\xEF\xBC\xA3"), (Ids{5334})); // ＡＢＣ
    EXPECT_EQ(tok.tokenize("\xEF\xAC\x81ne"), (Ids{3797}));                       // ﬁne
    EXPECT_EQ(tok.tokenize("caf\xC3\x83\xC2\xA9"), (Ids{15304}));                 // cafÃ©
    EXPECT_EQ(tok.tokenize("caf&eacute;"), (Ids{15304}));
    EXPECT_EQ(tok.tokenize("&amp x"), (Ids{261, 343}));
    EXPECT_EQ(tok.tokenize("&#150;"), (Ids{1224}));
}

TEST(OpenAiParity, CorpusHasNoMismatch) {
    const auto path = std::filesystem::path(LIVEML_TEST_SOURCE_DIR) /
                      "tokenizer/data/openai_tokenizer_corpus.jsonl";
    std::ifstream in(path);
    ASSERT_TRUE(in) << path;
    const auto& tok = openai_tokenizer();
    std::size_t strings = 0, mismatches = 0;
    for (std::string line; std::getline(in, line);) {
        const auto record = nlohmann::json::parse(line);
        const auto text = record.at("text").get<std::string>();
        const auto expected = record.at("ids").get<Ids>();
        ++strings;
        const auto ids = tok.tokenize(text);
        if (ids == expected) continue;
        if (++mismatches <= 20)
            ADD_FAILURE() << "text " << nlohmann::json(text).dump() << "\n  ours   "
                          << nlohmann::json(ids).dump() << "\n  openai "
                          << nlohmann::json(expected).dump();
    }
    EXPECT_GE(strings, 1000u); // the corpus really was read
    EXPECT_EQ(mismatches, 0u) << "of " << strings << " strings";
}
