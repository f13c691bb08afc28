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
#ifdef LIVEML_WITH_STORE
#include "model_show_redis.hpp"
#endif

namespace liveml::cli {
namespace {

struct ShowOptions {
    std::string model;
    bool json = false;
    std::string redis;                         // read the trainer's checkpoint instead of a file
    std::string model_key = "online_ml_model"; // store::kDefaultModelKey
};

void run_show(const ShowOptions& opts) {
#ifdef LIVEML_WITH_STORE
    if (!opts.redis.empty()) return show_model_from_redis(opts.redis, opts.model_key, opts.json);
#endif
    if (opts.model.empty()) {
        std::cerr << "liveml model show: give a MODEL file"
#ifdef LIVEML_WITH_STORE
                     " or --redis URL"
#endif
                     "\n";
        throw CLI::RuntimeError(kUsage);
    }
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
    CLI::Option* model =
        show->add_option("MODEL", opts->model, "Model file written by `liveml fit` or the trainer");
#ifdef LIVEML_WITH_STORE
    CLI::Option* redis = show->add_option(
        "--redis", opts->redis,
        "Read the trainer's latest checkpoint from redis://[[user]:password@]host[:port][/db] "
        "instead of a file; the JSON adds model_version and offsets");
    show->add_option("--model-key", opts->model_key, "Redis key of the model (with --redis)")
        ->needs(redis)
        ->capture_default_str();
    model->excludes(redis);
#else
    (void)model;
#endif
    show->add_flag("--json", opts->json,
                   "One JSON object: learner, loss, penalty, alpha, classes, n_features, coef, "
                   "intercept, t, samples_seen, metadata, format_version, origin; floats are "
                   "shortest round-trip exact");
    show->footer(help_footer("  liveml model show digits.lvm\n"
                             "  liveml model show --json digits.lvm | python3 -m json.tool\n"));
    show->callback([opts] { run_show(*opts); });
}

} // namespace liveml::cli
