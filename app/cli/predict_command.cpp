// `liveml predict`: classifies image files with exactly the studio canvas's pipeline
// (load_gray_image → extract_features → predict_proba), one JSON line per image.
#include <CLI/CLI.hpp>

#include <cstdint>
#include <iostream>
#include <memory>
#include <vector>

#include "commands.hpp"
#include "digits/feature_extractor.hpp"
#include "digits/gray_image_loader.hpp"
#include "help_footer.hpp"
#include "interrupt_flag.hpp"
#include "job_reporter.hpp"
#include "json_output.hpp"
#include "online/model_file.hpp"
#include "online/sgd_classifier.hpp"

namespace liveml::cli {
namespace {

struct PredictOptions {
    std::string model;
    std::vector<std::string> images;
    bool features = false;
    bool json = false;
};

// One image's answer; throws std::exception (bad file) with a reason for the error line.
JsonObject predict_image(const online::OnlineClassifier& model, const std::string& file,
                         bool with_features) {
    const digits::DigitFeatures f = digits::extract_features(digits::load_gray_image(file));
    if (f.empty) throw std::runtime_error("no ink found");
    const auto x = digits::to_doubles(f.x);

    JsonObject line;
    line.add("file", file).add("predict_y", model.predict(x));
    std::vector<double> values;
    if (model.has_proba()) {
        values.resize(model.classes().size());
        model.predict_proba(x, values);
        line.add("proba", std::span<const double>(values));
    } else if (const auto* sgd = dynamic_cast<const online::SgdClassifier*>(&model)) {
        // Hinge has no probabilities; its decision scores are what predict_y is the argmax of.
        values.resize(sgd->n_coef_rows());
        sgd->decision_function(x, values);
        line.add("scores", std::span<const double>(values));
    }
    if (with_features) {
        const std::vector<int> counts(f.x.begin(), f.x.end());
        line.add("features", std::span<const int>(counts));
    }
    return line;
}

online::SavedLearner load_model(const std::string& path) {
    try {
        return online::load_learner_file(path);
    } catch (const std::exception& e) {
        throw std::runtime_error(path + ": " + e.what());
    }
}

// Without --json one line per image, {"file",…} or {"file","error"}; with --json the same as
// "prediction" and "skipped" events, then a "result" event with the counts.
void run_predict(const PredictOptions& opts) {
    JobReporter reporter(opts.json, "liveml predict");
    run_job(reporter, [&] {
        const online::SavedLearner saved = load_model(opts.model);
        if (saved.model->n_features() != digits::kFeatures)
            throw std::runtime_error(opts.model + " expects " +
                                     std::to_string(saved.model->n_features()) +
                                     " features, images give " + std::to_string(digits::kFeatures));

        const InterruptFlag interrupt;
        std::uint64_t failed = 0;
        for (const std::string& file : opts.images) {
            if (interrupt.raised()) throw CLI::RuntimeError(kInterrupted);
            try {
                const JsonObject answer = predict_image(*saved.model, file, opts.features);
                // Flushed per image so a consumer reading the pipe sees each result as made.
                if (opts.json)
                    reporter.item("prediction", answer);
                else
                    std::cout << answer.str() << std::endl;
            } catch (const std::exception& e) {
                ++failed;
                if (opts.json)
                    reporter.skipped(file, e.what(), "file");
                else
                    std::cout << JsonObject{}.add("file", file).add("error", e.what()).str()
                              << std::endl;
            }
        }
        if (opts.json)
            reporter.result(JsonObject{}
                                .add("images", std::uint64_t{opts.images.size()})
                                .add("failed", failed));
        if (failed == opts.images.size()) throw CLI::RuntimeError(kFailure);
        if (failed > 0) throw CLI::RuntimeError(kPartial);
    });
}

} // namespace

void register_predict(CLI::App& root) {
    auto opts = std::make_shared<PredictOptions>();
    CLI::App* cmd = root.add_subcommand(
        "predict", "Classify images of handwritten digits, one JSON line per image");
    cmd->add_option("--model,-m", opts->model,
                    "Model file of any learner, written by `liveml fit` or the trainer")
        ->required();
    cmd->add_option("IMAGE", opts->images,
                    "PNG, JPEG, BMP, PGM, … (dark ink on light or the "
                    "reverse; any size)")
        ->required();
    cmd->add_flag("--features", opts->features,
                  "Also print the 64 features (0..16, row-major 8×8) the model saw");
    add_json_flag(*cmd, opts->json);
    cmd->footer(help_footer(
        "  liveml predict --model digits.lvm seven.png\n"
        "  liveml predict -m digits.lvm --features scans/*.png\n"
        "Output per image: {\"file\":…,\"predict_y\":d,\"proba\":[10 values]} (hinge SGD:\n"
        "\"scores\" instead of \"proba\"; perceptron, passive-aggressive: predict_y only), or\n"
        "{\"file\":…,\"error\":\"…\"}; exit code 3 when some images failed, 1 when all did.\n"));
    cmd->callback([opts] { run_predict(*opts); });
}

} // namespace liveml::cli
