// `liveml model show`: prints a model file as JSON (floats round-trip exact) or a summary.
#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "common/file_bytes.hpp"
#include "help_footer.hpp"
#include "model_report.hpp"
#include "online/model_file.hpp"

namespace liveml::cli {
namespace {

struct ShowOptions {
    std::string model;
    bool json = false;
};

void run_show(const ShowOptions& opts) {
    const std::string bytes = read_file_bytes(opts.model, online::kMaxModelBytes);
    const ModelOrigin origin{
        {"file", std::filesystem::absolute(opts.model).lexically_normal().string()}};
    try {
        print_model(bytes, origin, opts.json, std::cout);
    } catch (const online::ModelFormatError& e) {
        std::cerr << "liveml model show: " << opts.model << ": " << e.what() << '\n';
        throw CLI::RuntimeError(kFailure);
    }
}

} // namespace

void register_model(CLI::App& root) {
    CLI::App* group = root.add_subcommand("model", "Inspect model files");
    group->require_subcommand(1);
    group->footer(help_footer("  liveml model show --json digits.lvm\n"));

    auto opts = std::make_shared<ShowOptions>();
    CLI::App* show = group->add_subcommand(
        "show", "Print a model's learner, hyper-parameters, weights and metadata");
    show->add_option("MODEL", opts->model, "Model file written by `liveml fit` or the trainer")
        ->required();
    show->add_flag("--json", opts->json,
                   "One JSON object: learner, loss, penalty, alpha, classes, n_features, coef, "
                   "intercept, t, samples_seen, metadata, format_version, origin; floats are "
                   "shortest round-trip exact");
    show->footer(help_footer("  liveml model show digits.lvm\n"
                             "  liveml model show --json digits.lvm | python3 -m json.tool\n"));
    show->callback([opts] { run_show(*opts); });
}

} // namespace liveml::cli
