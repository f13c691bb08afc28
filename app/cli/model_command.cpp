// `liveml model show`: prints a model file as JSON (floats round-trip exact) or a summary.
#include <CLI/CLI.hpp>

#include <filesystem>
#include <memory>
#include <sstream>

#include "commands.hpp"
#include "common/file_bytes.hpp"
#include "help_footer.hpp"
#include "job_reporter.hpp"
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
    JobReporter reporter(opts.json, "liveml model show");
    run_job(reporter, [&] {
#ifdef LIVEML_WITH_STORE
        if (!opts.redis.empty()) return show_model_from_redis(reporter, opts.redis, opts.model_key);
#endif
        const std::string bytes = read_file_bytes(opts.model, online::kMaxModelBytes);
        const ModelOrigin origin{
            {"file", std::filesystem::absolute(opts.model).lexically_normal().string()}};
        std::ostringstream printed;
        try {
            print_model(bytes, origin, opts.json, printed);
        } catch (const online::ModelFormatError& e) {
            throw std::runtime_error(opts.model + ": " + e.what());
        }
        if (opts.json)
            reporter.result_object(printed.str());
        else
            std::cout << printed.str();
    });
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
    CLI::Option* redis = add_redis_source_options(*show, opts->redis, opts->model_key);
    model->excludes(redis);
    // One of the two sources; a ValidationError here is still a parse error (exit 2).
    show->callback([opts] {
        if (opts->model.empty() && opts->redis.empty())
            throw CLI::ValidationError("MODEL", "give a MODEL file or --redis URL");
        run_show(*opts);
    });
#else
    model->required();
    show->callback([opts] { run_show(*opts); });
#endif
    add_json_flag(*show, opts->json);
    show->footer(help_footer("  liveml model show digits.lvm\n"
                             "  liveml model show --json digits.lvm | python3 -m json.tool\n"));
}

} // namespace liveml::cli
