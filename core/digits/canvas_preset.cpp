#include "digits/canvas_preset.hpp"

#include <numeric>
#include <stdexcept>

#include "common/data_paths.hpp"
#include "digits/seeded_training.hpp"

namespace liveml::digits {

std::filesystem::path bundled_font_digits_path() {
    return liveml::data_file("font-digits-train.csv.gz");
}

std::unique_ptr<liveml::online::MlpClassifier>
train_canvas_model(const std::vector<DigitSample>& data,
                   const std::vector<DigitSample>& font_digits,
                   const CanvasPresetOptions& options) {
    if (options.members < 1 || static_cast<std::size_t>(options.members) * options.mlp.hidden >
                                   liveml::online::MlpClassifier::kMaxHidden)
        throw std::invalid_argument("the canvas preset's members do not fit one network");
    std::vector<int> classes(10);
    std::iota(classes.begin(), classes.end(), 0);
    std::vector<liveml::online::MlpClassifier> members;
    for (int m = 0; m < options.members; ++m) {
        AugmentOptions augment = options.augment;
        augment.seed += std::uint64_t(m);
        auto samples = augment_digits(data, augment);
        samples.insert(samples.end(), font_digits.begin(), font_digits.end());
        liveml::online::MlpParams mlp = options.mlp;
        mlp.seed += std::uint64_t(m);
        members.emplace_back(mlp, classes, kFeatures);
        train_in_seeded_order(members.back(), samples, options.passes,
                              options.order_seed + std::uint64_t(m));
    }
    return std::make_unique<liveml::online::MlpClassifier>(
        liveml::online::MlpClassifier::averaged(members));
}

} // namespace liveml::digits
