#include "prediction.hpp"

#include <algorithm>
#include <exception>

#include "gray_image_conversion.hpp"

namespace liveml::widgets {

namespace {

Prediction predictOrThrow(const QImage& image, const online::OnlineClassifier* model) {
    Prediction result;
    result.features = digits::extract_features(toGrayImage(image));
    if (result.features.empty || model == nullptr) return result;

    const auto x = digits::to_doubles(result.features.x);
    result.classes = model->classes();
    result.probabilities.resize(result.classes.size());
    model->predict_proba(x, result.probabilities);
    const auto best = std::max_element(result.probabilities.begin(), result.probabilities.end());
    result.label = result.classes[static_cast<std::size_t>(best - result.probabilities.begin())];
    result.confidence = *best;
    return result;
}

} // namespace

Prediction predictDrawing(const QImage& image, const online::OnlineClassifier* model) {
    try {
        return predictOrThrow(image, model);
    } catch (const std::exception& e) {
        Prediction failed;
        failed.error = QString::fromStdString(e.what());
        return failed;
    }
}

} // namespace liveml::widgets
