#pragma once
// `--learner NAME` and `--preset canvas`: which online learner a command trains
// (core/online/learner_registry.hpp; docs/learners.md). The SGD hyper-parameter flags belong
// to sgd_classifier alone.
#include <memory>
#include <string>
#include <vector>

#include "digits/digits_dataset.hpp"
#include "online/online_classifier.hpp"
#include "online/sgd_classifier.hpp"

namespace CLI {
class App;
}

namespace liveml::cli {

struct LearnerChoice {
    std::string learner{online::SgdClassifier::kKind};
    std::string preset; // empty, or "canvas"

    // Adds --learner and --preset to `command`; `sgd_flags` are the options that only
    // sgd_classifier takes (--loss, --penalty, --alpha), refused with another learner or a
    // preset, as `exclusive_with_preset` (e.g. --passes) are with a preset.
    void add_to(CLI::App& command, const std::vector<std::string>& sgd_flags,
                const std::vector<std::string>& exclusive_with_preset);

    // The kind of learner that will be written: the preset's, else the chosen one.
    std::string kind() const;
    // A fresh learner of the chosen kind (not for presets); SGD gets `sgd_params`.
    std::unique_ptr<online::OnlineClassifier> make(const online::SgdParams& sgd_params) const;
    // The preset's model trained on `samples` (deterministic; see core/digits/canvas_preset).
    std::unique_ptr<online::OnlineClassifier>
    train_preset(const std::vector<digits::DigitSample>& samples) const;
};

} // namespace liveml::cli
