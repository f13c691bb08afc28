#pragma once
#include <QImage>
#include <QMetaType>
#include <QString>

#include <vector>

#include "digits/feature_extractor.hpp"
#include "online/online_classifier.hpp"

namespace liveml::widgets {

// What the model made of one drawing: the features it saw and, when there was ink and a
// model, its class probabilities.
struct Prediction {
    digits::DigitFeatures features;
    std::vector<int> classes;
    std::vector<double> probabilities; // empty: nothing to predict (blank canvas, no model)
    int label = -1;
    double confidence = 0.0;
    quint64 sequence = 0; // which submitted image this answers
    QString error;        // set when the model could not answer (e.g. no probabilities)

    bool hasResult() const { return !probabilities.empty(); }
};

// The whole drawing→prediction path: grayscale conversion, optdigits feature extraction,
// predict_proba. model may be null (features only). Never throws: failures land in error.
Prediction predictDrawing(const QImage& image, const online::OnlineClassifier* model);

} // namespace liveml::widgets

Q_DECLARE_METATYPE(liveml::widgets::Prediction)
