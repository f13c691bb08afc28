// `liveml clip tokenize`: the real binary, its bundled OpenAI vocabulary, the job protocol
// and the usage errors.
#include "liveml_job.hpp"

#include <fstream>

namespace {

using namespace liveml::clip_test;
using Ids = std::vector<std::int64_t>;

constexpr std::int64_t kSot = 49406;
constexpr std::int64_t kEot = 49407;

std::vector<json> run_lines(std::vector<std::string> args, int expected_exit = 0) {
    Job job(std::move(args));
    auto lines = job.events(std::chrono::seconds(60));
    EXPECT_EQ(job.wait_exit(std::chrono::seconds(10)), expected_exit);
    return lines;
}

TEST(ClipTokenizeCli, PrintsOpenAiIdsPerText) {
    const auto lines = run_lines({"clip", "tokenize", "it\xE2\x80\x99s a photo", "caf&eacute;"});
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0]["index"], 0);
    EXPECT_EQ(lines[0]["text"], "it\xE2\x80\x99s a photo");
    EXPECT_EQ(lines[0]["ids"].get<Ids>(), (Ids{kSot, 585, 568, 320, 1125, kEot}));
    EXPECT_EQ(lines[1]["ids"].get<Ids>(), (Ids{kSot, 15304, kEot}));
    EXPECT_FALSE(lines[1].contains("truncated"));
}

// Every corpus string that fits on one line, through --file: the CLI gives the ids the
// parity test checks, framed and cut to the context like the model input.
TEST(ClipTokenizeCli, FileMatchesTheOpenAiCorpus) {
    std::ifstream corpus(fs::path(LIVEML_TEST_SOURCE_DIR) /
                         "tokenizer/data/openai_tokenizer_corpus.jsonl");
    ASSERT_TRUE(corpus);
    const auto dir = test_dir("tokenize-file");
    std::ofstream texts(dir / "texts.txt", std::ios::binary);
    std::vector<Ids> expected;
    for (std::string line; std::getline(corpus, line);) {
        const auto record = json::parse(line);
        const auto text = record["text"].get<std::string>();
        if (text.find('\n') != std::string::npos) continue;
        texts << text << '\n';
        auto ids = record["ids"].get<Ids>();
        if (ids.size() > 75) ids.resize(75);
        ids.insert(ids.begin(), kSot);
        ids.push_back(kEot);
        expected.push_back(ids);
    }
    texts.close();
    ASSERT_GT(expected.size(), 1000u);
    const auto lines = run_lines({"clip", "tokenize", "--file", (dir / "texts.txt").string()});
    ASSERT_EQ(lines.size(), expected.size());
    std::size_t mismatches = 0;
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (lines[i]["ids"].get<Ids>() != expected[i]) {
            if (++mismatches <= 10) ADD_FAILURE() << lines[i].dump();
        }
    EXPECT_EQ(mismatches, 0u);
}

TEST(ClipTokenizeCli, JsonEventsContextAndModelVocabulary) {
    const auto dir = test_dir("tokenize-json");
    std::ofstream(dir / "texts.txt") << "cat\na photo of a cat on a mat\n";
    // A model directory's own vocabulary: "cat" is one token there.
    std::ofstream(dir / "vocab.json")
        << R"({"a": 0, "c": 1, "t": 2, "t</w>": 3, "ca": 4, "cat</w>": 5,
               "<|startoftext|>": 6, "<|endoftext|>": 7})";
    std::ofstream(dir / "merges.txt") << "#version: 0.2\nc a\nca t</w>\n";
    auto events = run_lines({"clip", "tokenize", "--file", (dir / "texts.txt").string(), "--model",
                             dir.string(), "--context", "4", "--json"});
    ASSERT_EQ(events.size(), 3u);
    EXPECT_EQ(events[0]["event"], "tokens");
    EXPECT_EQ(events[0]["ids"].get<Ids>(), (Ids{6, 5, 7}));
    EXPECT_EQ(events[1]["event"], "tokens");
    EXPECT_EQ(events[1]["ids"].get<Ids>().size(), 4u); // cut to --context, eot last
    EXPECT_EQ(events[1]["ids"].back(), 7);
    EXPECT_EQ(events[1]["truncated"], true);
    EXPECT_EQ(events[2]["event"], "result");
    EXPECT_EQ(events[2]["texts"], 2);
    EXPECT_EQ(events[2]["truncated"], 1);
    EXPECT_EQ(events[2]["vocab_size"], 8);

    events =
        run_lines({"clip", "tokenize", "--model", (dir / "missing").string(), "x", "--json"}, 1);
    ASSERT_FALSE(events.empty());
    EXPECT_EQ(events.back()["event"], "error");
    EXPECT_NE(events.back()["message"].get<std::string>().find("missing"), std::string::npos);
}

TEST(ClipTokenizeCli, UsageErrorsExitTwo) {
    const auto dir = test_dir("tokenize-usage");
    std::ofstream(dir / "texts.txt") << "x\n";
    const auto file = (dir / "texts.txt").string();
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"clip", "tokenize"},
             {"clip", "tokenize", "x", "--file", file},
             {"clip", "tokenize", "x", "--context", "1"},
             {"clip", "tokenize", "x", "--model", dir.string(), "--vocab", file},
             {"clip", "tokenize", "--file", (dir / "missing.txt").string()}}) {
        Job job(args);
        job.events(std::chrono::seconds(30));
        EXPECT_EQ(job.wait_exit(std::chrono::seconds(10)), 2) << args.size();
    }
}

} // namespace
