#include "common/line_reader.hpp"

#include "scratch_files.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using liveml::LineReader;
using liveml::TextLine;

struct Seen {
    std::vector<std::string> texts;
    std::vector<std::size_t> numbers;
    std::vector<bool> overlong;
};

Seen read_all(const std::filesystem::path& path, std::size_t max_line) {
    LineReader reader(path, max_line);
    Seen seen;
    TextLine line;
    while (reader.next(line)) {
        seen.texts.emplace_back(line.text);
        seen.numbers.push_back(line.number);
        seen.overlong.push_back(line.overlong);
    }
    return seen;
}

TEST(LineReader, SplitsPlainAndGzipFilesTheSameWay) {
    const std::string text = "a,b\r\n\nlast without newline";
    for (const auto& path : {liveml::testing::scratch_file("line-reader", "plain.txt", text),
                             liveml::testing::scratch_file("line-reader", "packed.gz",
                                                           liveml::testing::gzip_bytes(text))}) {
        const Seen seen = read_all(path, 100);
        EXPECT_EQ(seen.texts, (std::vector<std::string>{"a,b\r", "", "last without newline"}));
        EXPECT_EQ(seen.numbers, (std::vector<std::size_t>{1, 2, 3}));
    }
}

TEST(LineReader, LinesAcrossManyChunksComeOutWhole) {
    // 3 MiB of numbered lines: more than one 1 MiB chunk, lines straddling the boundaries.
    std::string text;
    for (int i = 0; i < 300000; ++i)
        text += std::to_string(i) + " ....\n";
    const Seen seen = read_all(liveml::testing::scratch_file("line-reader", "many.txt", text), 64);
    ASSERT_EQ(seen.texts.size(), 300000u);
    for (std::size_t i = 0; i < seen.texts.size(); i += 997)
        EXPECT_EQ(seen.texts[i], std::to_string(i) + " ....");
}

TEST(LineReader, SkipsOverlongLinesWithoutBufferingThem) {
    const std::string longer(3u << 20, 'x'); // larger than a chunk, so it is never whole
    const auto path = liveml::testing::scratch_file("line-reader", "long.txt",
                                                    "short\n" + longer + "\nafter\n" + longer);
    const Seen seen = read_all(path, 16);
    EXPECT_EQ(seen.texts, (std::vector<std::string>{"short", "", "after", ""}));
    EXPECT_EQ(seen.overlong, (std::vector<bool>{false, true, false, true}));
    EXPECT_EQ(seen.numbers, (std::vector<std::size_t>{1, 2, 3, 4}));
}

TEST(LineReader, ReportsMissingFilesAndCorruptGzip) {
    EXPECT_THROW(LineReader(liveml::testing::scratch_dir("line-reader") / "missing", 16),
                 std::runtime_error);
    std::string packed = liveml::testing::gzip_bytes(std::string(100000, 'a') + "\n");
    packed.resize(packed.size() / 2);
    const auto path = liveml::testing::scratch_file("line-reader", "cut.gz", packed);
    EXPECT_THROW(read_all(path, 1u << 20), std::runtime_error);
}

} // namespace
