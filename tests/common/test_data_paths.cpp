#include "common/data_paths.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

// An installed program finds its data in <prefix>/share/liveml beside its <prefix>/bin, for
// any prefix: the .deb installs into /usr while the build may be configured for /usr/local.
// The file exists only there (not in LIVEML_DATA_DIR, the install or the source directory).
TEST(DataPaths, FindsShareBesideTheRunningProgram) {
    const fs::path exe = fs::read_symlink("/proc/self/exe");
    const fs::path share = exe.parent_path().parent_path() / "share" / "liveml";
    const fs::path name = "only-beside-the-program.txt";
    fs::create_directories(share);
    std::ofstream(share / name) << "x";
    EXPECT_EQ(liveml::data_file(name), share / name);
    fs::remove_all(share);
    EXPECT_THROW(liveml::data_file(name), std::runtime_error);
}
