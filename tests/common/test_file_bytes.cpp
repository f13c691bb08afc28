#include "common/file_bytes.hpp"

#include "scratch_files.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace {

fs::path temp_dir() {
    return liveml::testing::scratch_dir("file-bytes");
}

} // namespace

TEST(FileBytes, RoundTripsAtomicWrite) {
    const auto path = temp_dir() / "plain.bin";
    liveml::write_file_atomic(path, std::string("a\0b", 3));
    EXPECT_EQ(liveml::read_file_bytes(path, 100), std::string("a\0b", 3));
    EXPECT_EQ(liveml::read_maybe_gzip(path, 100), std::string("a\0b", 3));
}

TEST(FileBytes, RefusesOversizedFile) {
    const auto path = temp_dir() / "big.bin";
    liveml::write_file_atomic(path, std::string(101, 'x'));
    EXPECT_THROW(liveml::read_file_bytes(path, 100), std::runtime_error);
}

TEST(FileBytes, InflatesGzipAndBoundsInflatedSize) {
    const auto path = temp_dir() / "data.gz";
    liveml::write_file_atomic(path, liveml::testing::gzip_bytes(std::string(1000, 'z')));
    EXPECT_EQ(liveml::read_maybe_gzip(path, 1000), std::string(1000, 'z'));
    EXPECT_THROW(liveml::read_maybe_gzip(path, 999), std::runtime_error);
}

TEST(FileBytes, RejectsTruncatedGzip) {
    const auto path = temp_dir() / "cut.gz";
    auto gz = liveml::testing::gzip_bytes(std::string(5000, 'q') + "tail");
    liveml::write_file_atomic(path, gz.substr(0, gz.size() / 2));
    EXPECT_THROW(liveml::read_maybe_gzip(path, 1 << 20), std::runtime_error);
}

TEST(FileBytes, MissingFileNamesThePath) {
    try {
        liveml::read_file_bytes("/nonexistent/liveml.bin", 10);
        FAIL() << "expected an exception";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("/nonexistent/liveml.bin"), std::string::npos);
    }
}
