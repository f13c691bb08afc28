// liveml clip zeroshot: class names + the template ensemble -> class probabilities per image.
#include "clip/clip_encoder.hpp"
#include "clip/clip_evaluation.hpp"
#include "clip/image_input.hpp"
#include "clip_commands.hpp"
#include "clip_job.hpp"
#include "dataset_flags.hpp"
#include "datasets/user_images.hpp"
#include "exit_codes.hpp"
#include "help_footer.hpp"
#include "json_output.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <numeric>

namespace liveml::cli {
namespace {

struct ZeroShotArgs {
    ModelFlags model;
    DatasetFlags data;               // or --images
    std::vector<std::string> images; // files or folders
    std::vector<std::string> classes;
    std::vector<std::string> templates; // empty: the built-in ensemble
    std::size_t top_k = 3;
    ClipJobFlags flags;
};

std::vector<std::filesystem::path> expand_images(const std::vector<std::string>& inputs) {
    std::vector<std::filesystem::path> files;
    for (const auto& input : inputs) {
        if (std::filesystem::is_directory(input)) {
            for (const auto& entry : datasets::scan_image_folder(input))
                files.push_back(std::filesystem::path(input) / entry.path);
        } else {
            files.emplace_back(input);
        }
    }
    return files;
}

// Softmax over one row of scaled cosine similarities.
std::vector<double> probabilities(std::span<const float> cosines, double scale) {
    std::vector<double> p(cosines.size());
    const double top = *std::max_element(cosines.begin(), cosines.end());
    for (std::size_t c = 0; c < p.size(); ++c)
        p[c] = std::exp(scale * (cosines[c] - top));
    const double sum = std::accumulate(p.begin(), p.end(), 0.0);
    for (auto& v : p)
        v /= sum;
    return p;
}

void run_zeroshot(const ZeroShotArgs& args) {
    run_clip_job("zeroshot", args.flags, [&](JobReporter& reporter) {
        if (args.data.name.empty() == args.images.empty())
            throw UsageError("give either --dataset or --images");
        if (!args.templates.empty() && args.images.empty())
            throw UsageError("--template applies to --images (a --dataset run uses the "
                             "built-in ensemble, as the benchmarks do)");
        constexpr std::int64_t kPhases = 3;
        std::int64_t done = 0;
        const auto next_phase = [&](const std::string& phase) {
            reporter.progress(phase, done++, kPhases);
        };
        next_phase("load");
        const auto encoder =
            clip::ClipEncoder::load(args.model.dir, args.flags.runtime, args.model.adapter);
        const auto& config = encoder.config();
        if (!args.data.name.empty()) {
            const auto data =
                clip::load_labelled_split(args.data.name, args.data.split, args.data.max_items);
            const auto metrics = clip::evaluate_zeroshot(encoder, data, next_phase);
            JsonObject fields;
            fields.add("top1", metrics.top1)
                .add("top5", metrics.top5)
                .add("mean_per_class_recall", metrics.mean_per_class_recall)
                .add("per_class_recall", std::span<const double>(metrics.per_class_recall))
                .add_raw("confusion", confusion_json(metrics.confusion))
                .add("images", static_cast<std::uint64_t>(data.size()));
            reporter.result(fields);
            return;
        }
        if (args.classes.size() < 2) throw UsageError("give at least two --classes");
        const auto files = expand_images(args.images);
        if (files.empty()) throw std::runtime_error("--images names no image files");
        const auto per_image = clip::image_input_floats(config);
        std::vector<float> pixels;
        std::vector<std::filesystem::path> decoded;
        std::size_t failed = 0;
        for (const auto& file : files) {
            std::vector<float> one(per_image);
            try {
                clip::image_file_input(file, config, one);
            } catch (const std::exception& e) {
                reporter.skipped(file.string(), e.what());
                ++failed;
                continue;
            }
            pixels.insert(pixels.end(), one.begin(), one.end());
            decoded.push_back(file);
        }
        if (decoded.empty())
            throw std::runtime_error("none of the " + std::to_string(files.size()) +
                                     " images could be decoded");
        next_phase("embed-images");
        const auto images = encoder.encode_pixels(pixels, decoded.size());
        next_phase("zeroshot");
        const auto weights = clip::class_text_weights(encoder, args.classes, args.templates);
        const auto cosines = retrieval::matmul_transposed(images, weights);
        for (std::size_t i = 0; i < decoded.size(); ++i) {
            const auto p = probabilities(cosines.row(i), encoder.logit_scale());
            std::vector<std::size_t> order(p.size());
            std::iota(order.begin(), order.end(), 0);
            std::stable_sort(order.begin(), order.end(),
                             [&](auto a, auto b) { return p[a] > p[b]; });
            std::string top = "[";
            for (std::size_t r = 0; r < std::min(args.top_k, order.size()); ++r)
                top += (r ? "," : "") + JsonObject()
                                            .add("class", args.classes[order[r]])
                                            .add("prob", p[order[r]])
                                            .str();
            reporter.item("prediction", JsonObject()
                                            .add("image", decoded[i].string())
                                            .add("probs", std::span<const double>(p))
                                            .add_raw("top", top + "]"));
        }
        JsonObject fields;
        fields.add("images", static_cast<std::uint64_t>(decoded.size()))
            .add("failed", static_cast<std::uint64_t>(failed));
        reporter.result(fields);
        if (failed > 0) throw CLI::RuntimeError(kPartial);
    });
}

} // namespace

void register_clip_zeroshot(CLI::App& clip) {
    auto args = std::make_shared<ZeroShotArgs>();
    auto* cmd = clip.add_subcommand(
        "zeroshot", "Classify images by class names through the zero-shot template ensemble");
    args->model.add_to(*cmd);
    args->data.add_to(*cmd, {});
    cmd->add_option("--images", args->images, "image files or folders: one prediction each");
    cmd->add_option("--classes", args->classes, "class names (comma separated)")->delimiter(',');
    cmd->add_option("--template", args->templates,
                    "prompt template with {} for the class name, e.g. 'a drawing of a {}.' "
                    "(repeat for an ensemble; default: the built-in ensemble; with --images)")
        ->check([](const std::string& text) {
            return text.find("{}") == std::string::npos
                       ? std::string("a template needs {} where the class name goes")
                       : std::string();
        });
    cmd->add_option("--top-k", args->top_k, "classes listed per image")
        ->check(CLI::Range(std::size_t{1}, std::size_t{100000}))
        ->capture_default_str();
    args->flags.add_to(*cmd);
    args->flags.add_devices_to(*cmd);
    cmd->footer(help_footer(
        "  liveml-clip zeroshot --model model --dataset digits\n"
        "  liveml-clip zeroshot --model model --images photos/ --classes cat,dog --json\n"));
    cmd->callback([args] { run_zeroshot(*args); });
}

} // namespace liveml::cli
