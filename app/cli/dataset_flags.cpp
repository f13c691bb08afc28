#include "dataset_flags.hpp"

#include <CLI/CLI.hpp>

#include <filesystem>

namespace liveml::cli {
namespace {

// The labelled sets core/clip loads by name (load_labelled_split, TrainingSet::load).
bool is_builtin(const std::string& name) {
    return name == "fashion-mnist" || name == "digits";
}

CLI::Validator dataset_check(bool folders) {
    return CLI::Validator(
        [folders](std::string& name) -> std::string {
            if (is_builtin(name)) return {};
            if (!folders) return "'" + name + "' is not a built-in set (fashion-mnist, digits)";
            if (std::filesystem::is_directory(name)) return {};
            return "'" + name + "' is neither fashion-mnist, digits nor a folder";
        },
        folders ? "fashion-mnist|digits|DIR" : "fashion-mnist|digits");
}

} // namespace

CLI::Option* DatasetFlags::add_to(CLI::App& command, Accepts accepts) {
    auto* dataset =
        command
            .add_option("--dataset", name,
                        accepts.folders ? "fashion-mnist, digits, or a folder with images and "
                                          "captions.jsonl/captions.csv"
                                        : "built-in labelled set: fashion-mnist or digits")
            ->check(dataset_check(accepts.folders))
            ->capture_default_str();
    if (accepts.split)
        command.add_option("--split", split, "split of the built-in set: train or test")
            ->check(CLI::IsMember({"train", "test"}))
            ->capture_default_str();
    command.add_option("--max-items", max_items, "use only the first N items (0 = all)")
        ->capture_default_str();
    return dataset;
}

} // namespace liveml::cli
