#include "clip_dispatch.hpp"

#include <CLI/CLI.hpp>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>
#include <unistd.h>
#include <vector>

#include "exit_codes.hpp"

namespace liveml::cli {
namespace {

// Beside the running binary (build tree or bindir), not on $PATH: a `liveml` always runs the
// `liveml-clip` of its own build or package.
std::filesystem::path sibling_binary() {
    std::error_code error;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", error);
    return (error ? std::filesystem::path{} : self.parent_path()) / kClipBinary;
}

} // namespace

void register_clip_dispatch(CLI::App& root) {
    root.add_subcommand("clip", "CLIP image-text jobs on LibTorch: train, eval, zeroshot, index, "
                                "search, embed (runs liveml-clip; see `liveml clip --help`)");
}

int exec_liveml_clip(int argc, char** argv) {
    const std::string path = sibling_binary().string();
    std::vector<char*> args{const_cast<char*>(kClipBinary)};
    for (int i = 2; i < argc; ++i)
        args.push_back(argv[i]);
    args.push_back(nullptr);
    ::execv(path.c_str(), args.data());
    std::cerr << "liveml: `liveml clip` runs " << path << ", which cannot be executed ("
              << std::strerror(errno)
              << "). Install liveml-clip beside liveml (a build with LIVEML_TORCH=ON builds "
                 "it), or run it directly.\n";
    return kFailure;
}

} // namespace liveml::cli
