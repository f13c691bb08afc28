#include "digits/canvas_preset.hpp"

#include <numeric>

#include "digits/seeded_training.hpp"

namespace liveml::digits {

std::unique_ptr<liveml::online::MlpClassifier>
train_canvas_model(const std::vector<DigitSample>& data, const CanvasPresetOptions& options) {
    std::vector<int> classes(10);
    std::iota(classes.begin(), classes.end(), 0);
    auto model =
        std::make_unique<liveml::online::MlpClassifier>(options.mlp, std::move(classes), kFeatures);
    train_in_seeded_order(*model, augment_digits(data, options.augment), options.passes,
                          options.order_seed);
    return model;
}

} // namespace liveml::digits
