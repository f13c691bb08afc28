// `liveml predict`: classifies image files with exactly the studio canvas's pipeline
// (load_gray_image → extract_features → predict_proba), one JSON line per image.
#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>
#include <vector>

#include "commands.hpp"
#include "digits/feature_extractor.hpp"
#include "digits/gray_image_loader.hpp"
#include "help_footer.hpp"
#include "interrupt_flag.hpp"
#include "json_output.hpp"
#include "online/model_file.hpp"

namespace liveml::cli {
namespace {

struct PredictOptions {
    std::string model;
    std::vector<std::string> images;
    bool features = false;
};

// One image's line; throws std::exception (bad file) with a reason for the error line.
std::string predict_line(const online::SgdClassifier& model, const std::string& file,
                         bool with_features) {
    const digits::DigitFeatures f = digits::extract_features(digits::load_gray_image(file));
    if (f.empty) throw std::runtime_error("no ink found");
    const auto x = digits::to_doubles(f.x);

    JsonObject line;
    line.add("file", file).add("predict_y", model.predict(x));
    std::vector<double> values;
    if (model.params().loss == online::Loss::Log) {
        values.resize(model.classes().size());
        model.predict_proba(x, values);
        line.add("proba", std::span<const double>(values));
    } else {
        // Hinge has no probabilities; its decision scores are what predict_y is the argmax of.
        values.resize(model.n_coef_rows());
        model.decision_function(x, values);
        line.add("scores", std::span<const double>(values));
    }
    if (with_features) {
        const std::vector<int> counts(f.x.begin(), f.x.end());
        line.add("features", std::span<const int>(counts));
    }
    return line.str();
}

online::SavedModel load_model(const std::string& path) {
    try {
        return online::load_model_file(path);
    } catch (const std::exception& e) {
        std::cerr << "liveml predict: " << path << ": " << e.what() << '\n';
        throw CLI::RuntimeError(kFailure);
    }
}

void run_predict(const PredictOptions& opts) {
    const online::SavedModel saved = load_model(opts.model);
    if (saved.model.n_features() != digits::kFeatures) {
        std::cerr << "liveml predict: " << opts.model << " expects " << saved.model.n_features()
                  << " features, images give " << digits::kFeatures << '\n';
        throw CLI::RuntimeError(kFailure);
    }

    const InterruptFlag interrupt;
    std::size_t failed = 0;
    for (const std::string& file : opts.images) {
        if (interrupt.raised()) throw CLI::RuntimeError(kInterrupted);
        std::string line;
        try {
            line = predict_line(saved.model, file, opts.features);
        } catch (const std::exception& e) {
            ++failed;
            line = JsonObject{}.add("file", file).add("error", e.what()).str();
        }
        // Flushed per image so a consumer reading the pipe sees each result as it is made.
        std::cout << line << std::endl;
    }
    if (failed == opts.images.size()) throw CLI::RuntimeError(kFailure);
    if (failed > 0) throw CLI::RuntimeError(kPartial);
}

} // namespace

void register_predict(CLI::App& root) {
    auto opts = std::make_shared<PredictOptions>();
    CLI::App* cmd = root.add_subcommand(
        "predict", "Classify images of handwritten digits, one JSON line per image");
    cmd->add_option("--model,-m", opts->model, "Model file written by `liveml fit` or the trainer")
        ->required();
    cmd->add_option("IMAGE", opts->images,
                    "PNG, JPEG, BMP, PGM, … (dark ink on light or the "
                    "reverse; any size)")
        ->required();
    cmd->add_flag("--features", opts->features,
                  "Also print the 64 features (0..16, row-major 8×8) the model saw");
    cmd->footer(help_footer(
        "  liveml predict --model digits.lvm seven.png\n"
        "  liveml predict -m digits.lvm --features scans/*.png\n"
        "Output per image: {\"file\":…,\"predict_y\":d,\"proba\":[10 values]} (hinge models:\n"
        "\"scores\" instead of \"proba\"), or {\"file\":…,\"error\":\"…\"}; exit code 3 when some\n"
        "images failed, 1 when all did.\n"));
    cmd->callback([opts] { run_predict(*opts); });
}

} // namespace liveml::cli
