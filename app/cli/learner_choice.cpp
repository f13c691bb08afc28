#include "learner_choice.hpp"

#include <CLI/CLI.hpp>

#include <numeric>

#include "digits/canvas_preset.hpp"
#include "online/learner_registry.hpp"

namespace liveml::cli {

namespace {

constexpr const char* kCanvasPreset = "canvas";

std::vector<std::string> known_learners() {
    std::vector<std::string> names;
    for (const auto name : online::learner_names())
        names.emplace_back(name);
    return names;
}

} // namespace

void LearnerChoice::add_to(CLI::App& command, const std::vector<std::string>& sgd_flags,
                           const std::vector<std::string>& exclusive_with_preset) {
    CLI::Option* learner_opt =
        command.add_option("--learner", learner, "Online learner to train (docs/learners.md)")
            ->check(CLI::IsMember(known_learners()))
            ->capture_default_str();
    CLI::Option* preset_opt =
        command
            .add_option("--preset", preset,
                        "A ready recipe instead of one learner: 'canvas' trains the Draw page's "
                        "model (256-unit MLP on the records plus distorted copies, 4 seeded "
                        "passes)")
            ->check(CLI::IsMember({kCanvasPreset}));
    preset_opt->excludes(learner_opt);
    for (const auto& name : exclusive_with_preset)
        preset_opt->excludes(command.get_option(name));
    // --loss/--penalty/--alpha with another learner: refused before anything is read.
    command.parse_complete_callback([this, &command, sgd_flags] {
        for (const auto& name : sgd_flags) {
            if (command.count(name) == 0) continue;
            if (!preset.empty())
                throw CLI::ValidationError(name, "only applies to --learner sgd_classifier, not "
                                                 "to --preset " +
                                                     preset);
            if (learner != online::SgdClassifier::kKind)
                throw CLI::ValidationError(name, "only applies to --learner sgd_classifier, not " +
                                                     learner);
        }
    });
}

std::string LearnerChoice::kind() const {
    return preset.empty() ? learner : std::string(online::MlpClassifier::kKind);
}

std::unique_ptr<online::OnlineClassifier>
LearnerChoice::make(const online::SgdParams& sgd_params) const {
    std::vector<int> classes(10);
    std::iota(classes.begin(), classes.end(), 0);
    if (learner == online::SgdClassifier::kKind)
        return std::make_unique<online::SgdClassifier>(sgd_params, std::move(classes),
                                                       digits::kFeatures);
    return online::make_learner(learner, std::move(classes), digits::kFeatures);
}

std::unique_ptr<online::OnlineClassifier>
LearnerChoice::train_preset(const std::vector<digits::DigitSample>& samples) const {
    return digits::train_canvas_model(samples,
                                      digits::load_digits_csv(digits::bundled_font_digits_path()));
}

} // namespace liveml::cli
