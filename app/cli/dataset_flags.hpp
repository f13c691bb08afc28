#pragma once
// The dataset option group: --dataset, --split, --max-items, shared by the CLIP jobs that read a
// built-in set (train, eval, zeroshot, index) so each accepts the same spellings and ranges and
// refuses an unknown set while parsing (exit 2).
#include <cstddef>
#include <string>

namespace CLI {
class App;
class Option;
} // namespace CLI

namespace liveml::cli {

struct DatasetFlags {
    std::string name; // fashion-mnist, digits, or (where folders are taken) a folder
    std::string split = "test";
    std::size_t max_items = 0; // 0 = all

    // What a job takes: `folders` also accepts an image folder with captions (train);
    // `split` declares --split (train always reads the training split).
    struct Accepts {
        bool folders = false;
        bool split = true;
    };
    // Returns --dataset, which a job may mark required.
    CLI::Option* add_to(CLI::App& command, Accepts accepts);
};

} // namespace liveml::cli
