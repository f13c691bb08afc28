#include "digits/digits_dataset.hpp"

#include "scratch_files.hpp"

#include <gtest/gtest.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace liveml::digits;

namespace {

constexpr std::string_view kTag = "digits-csv";

fs::path write(std::string_view name, std::string_view bytes) {
    return liveml::testing::scratch_file(kTag, name, bytes);
}

// A row of 64 pixels (pixel j = j % 17) and a label.
std::string row(int label, int first_pixel = 0) {
    std::string s = std::to_string(first_pixel);
    for (int j = 1; j < 64; ++j)
        s += "," + std::to_string(j % 17);
    return s + "," + std::to_string(label) + "\n";
}

// The message of the exception load_digits_csv throws for `text`.
std::string error_for(const std::string& text) {
    try {
        load_digits_csv(write("bad.csv", text));
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    return "no error";
}

} // namespace

TEST(DigitsDataset, BundledFileIsTheOptdigitsTestSet) {
    const auto data = load_digits_csv(bundled_digits_path());
    ASSERT_EQ(data.size(), 1797u);
    std::array<int, 10> per_class{};
    long ink = 0;
    for (const auto& s : data) {
        ++per_class[std::size_t(s.label)];
        EXPECT_EQ(s.x[0], 0); // features 0, 32 and 39 are never inked in this set
        EXPECT_EQ(s.x[32], 0);
        EXPECT_EQ(s.x[39], 0);
        for (const auto v : s.x)
            ink += v;
    }
    for (const int n : per_class)
        EXPECT_GE(n, 174);
    EXPECT_NEAR(double(ink) / double(data.size()), 312.6, 0.1);
    EXPECT_EQ(data[0].label, 0);
    EXPECT_EQ(data[0].x[2], 5);
}

TEST(DigitsDataset, ReadsPlainAndGzipAlike) {
    const std::string text = row(3) + row(7, 16) + "\n"; // a trailing blank line is fine
    const auto plain = load_digits_csv(write("ok.csv", text));
    const auto gz = load_digits_csv(write("ok.csv.gz", liveml::testing::gzip_bytes(text)));
    ASSERT_EQ(plain.size(), 2u);
    ASSERT_EQ(gz.size(), 2u);
    EXPECT_EQ(plain[1].label, 7);
    EXPECT_EQ(plain[1].x[0], 16);
    EXPECT_EQ(plain[0].x[63], 63 % 17);
    EXPECT_EQ(plain[0].x, gz[0].x);
    EXPECT_EQ(to_doubles(plain[1].x)[0], 16.0);
}

TEST(DigitsDataset, AcceptsWindowsLineEndsAndSpaces) {
    auto text = row(1);
    text.insert(text.size() - 1, "\r");
    text.insert(0, " ");
    EXPECT_EQ(load_digits_csv(write("crlf.csv", text)).size(), 1u);
}

TEST(DigitsDataset, RejectsBadRowsNamingTheLine) {
    EXPECT_NE(error_for(row(1) + "1,2,3\n").find(":2: has 3 values, expected 65"),
              std::string::npos)
        << error_for(row(1) + "1,2,3\n");
    auto long_row = row(1);
    long_row.insert(long_row.size() - 1, ",0");
    EXPECT_NE(error_for(row(2) + row(2) + long_row).find(":3: more than 65 values"),
              std::string::npos);
    EXPECT_NE(error_for(row(1, 17)).find(":1: pixel 1 is 17, expected 0..16"), std::string::npos);
    EXPECT_NE(error_for(row(1, -1)).find(":1: pixel 1 is -1"), std::string::npos);
    EXPECT_NE(error_for(row(10)).find(":1: label is 10, expected 0..9"), std::string::npos);
    auto word = row(4);
    word.replace(0, 1, "x");
    EXPECT_NE(error_for(word).find(":1: value 1 is not an integer: 'x'"), std::string::npos);
    auto decimal = row(4);
    decimal.replace(0, 1, "1.5");
    EXPECT_NE(error_for(decimal).find("not an integer"), std::string::npos);
    auto hole = row(4);
    hole.replace(0, 1, "");
    EXPECT_NE(error_for(hole).find("not an integer"), std::string::npos);
    EXPECT_NE(error_for("").find("no samples"), std::string::npos);
}

TEST(DigitsDataset, RejectsMissingAndCorruptFiles) {
    EXPECT_THROW(load_digits_csv(liveml::testing::scratch_dir(kTag) / "absent.csv"),
                 std::runtime_error);
    auto gz = std::string("\x1f\x8b\x08\x00", 4) + "garbage after a gzip magic";
    EXPECT_THROW(load_digits_csv(write("corrupt.csv.gz", gz)), std::runtime_error);
}
