// Drawing → prediction latency of the studio: for every point a stroke adds, the canvas
// updates its grayscale image (StrokeRasterizer, as DrawingCanvas does), the features are
// extracted and predict_proba runs. Measured
// over many jittered strokes of all ten digits, stage by stage and end to end, directly and
// through PredictionService (worker thread + queued signal back to the GUI thread).
//
//   studio_latency [STROKES]      (default 300 strokes)
//
// Reference figure: the 16.7 ms frame budget of a 60 Hz display; a prediction must fit well
// inside it to follow the pen.
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <vector>

#include "demo_digits.hpp"
#include "digits/default_model.hpp"
#include "digits/digits_dataset.hpp"
#include "gray_image_conversion.hpp"
#include "prediction_service.hpp"
#include "stroke_painter.hpp"
#include "stroke_rasterizer.hpp"

using namespace liveml;
using Clock = std::chrono::steady_clock;

namespace {

constexpr double kFrameBudgetUs = 1e6 / 60.0;

double micros(Clock::duration d) {
    return std::chrono::duration<double, std::micro>(d).count();
}

struct Stats {
    std::vector<double> samples;
    double percentile(double q) {
        std::sort(samples.begin(), samples.end());
        const auto i = static_cast<std::size_t>(std::ceil(q * double(samples.size()))) - 1;
        return samples[std::min(i, samples.size() - 1)];
    }
};

// A demo digit moved, scaled, slanted and shaken like a different hand would draw it.
widgets::Drawing jittered(int digit, std::mt19937_64& rng) {
    std::uniform_real_distribution<double> scale(0.55, 1.1), shift(-0.15, 0.15), shear(-0.2, 0.2);
    std::normal_distribution<double> shake(0.0, 0.003);
    const double s = scale(rng), dx = shift(rng), dy = shift(rng), k = shear(rng);
    widgets::Drawing drawing = widgets::demoDigit(digit);
    for (auto& stroke : drawing)
        for (auto& p : stroke) {
            const double x = 0.5 + (p.pos.x() - 0.5 + k * (p.pos.y() - 0.5)) * s + dx + shake(rng);
            const double y = 0.5 + (p.pos.y() - 0.5) * s + dy + shake(rng);
            p.pos = {std::clamp(x, 0.0, 1.0), std::clamp(y, 0.0, 1.0)};
        }
    return drawing;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const int strokes = argc > 1 ? std::atoi(argv[1]) : 300;
    if (strokes <= 0) {
        std::fprintf(stderr, "usage: studio_latency [STROKES > 0]\n");
        return 2;
    }

    const auto t0 = Clock::now();
    const auto data = digits::load_digits_csv(digits::bundled_digits_path());
    const online::SgdClassifier model = digits::train_default_model(data);
    const double trainMs = micros(Clock::now() - t0) / 1000.0;

    std::mt19937_64 rng(2024);
    std::vector<widgets::Drawing> inputs;
    for (int i = 0; i < strokes; ++i)
        inputs.push_back(jittered(i % 10, rng));

    // Direct pipeline, one measurement per point added, as the canvas publishes them.
    Stats render, features, predict, total;
    std::vector<double> proba(model.classes().size());
    std::size_t updates = 0, correct = 0;
    widgets::StrokeRasterizer rasterizer(256);
    for (int i = 0; i < strokes; ++i) {
        widgets::Drawing committed;
        rasterizer.reset(committed);
        for (const auto& stroke : inputs[i]) {
            for (const auto& point : stroke) {
                const auto a = Clock::now();
                rasterizer.addPoint(point);
                const QImage image = rasterizer.image();
                const auto b = Clock::now();
                const digits::DigitFeatures f =
                    digits::extract_features(widgets::toGrayImage(image));
                const auto c = Clock::now();
                if (!f.empty) model.predict_proba(digits::to_doubles(f.x), proba);
                const auto d = Clock::now();
                render.samples.push_back(micros(b - a));
                features.samples.push_back(micros(c - b));
                predict.samples.push_back(micros(d - c));
                total.samples.push_back(micros(d - a));
                ++updates;
            }
            committed.append(stroke);
            rasterizer.reset(committed); // the stroke is finished: as the canvas does on release
        }
        const auto best = std::max_element(proba.begin(), proba.end()) - proba.begin();
        correct += model.classes()[std::size_t(best)] == i % 10;
    }

    // Through the service: submit, then wait for the answer on the event loop.
    widgets::LoadedModel loaded;
    loaded.classifier = std::make_shared<const online::SgdClassifier>(model);
    widgets::PredictionService service;
    service.setModel(loaded);
    Stats roundTrip;
    QEventLoop loop;
    QObject::connect(&service, &widgets::PredictionService::predictionReady, &loop,
                     &QEventLoop::quit);
    for (int i = 0; i < std::min(strokes, 100); ++i) {
        const QImage image = widgets::renderGrayImage(inputs[i], 256);
        const auto a = Clock::now();
        service.submit(image);
        loop.exec();
        roundTrip.samples.push_back(micros(Clock::now() - a));
    }

    std::printf("studio drawing -> prediction latency (%d strokes, %zu live updates, 256x256 "
                "canvas image)\n",
                strokes, updates);
    std::printf("  default model training at first start: %.0f ms (%zu digits + augmentation)\n",
                trainMs, data.size());
    std::printf("  %-34s %10s %10s\n", "stage", "median us", "p99 us");
    auto row = [](const char* name, Stats& s) {
        std::printf("  %-34s %10.1f %10.1f\n", name, s.percentile(0.5), s.percentile(0.99));
    };
    row("update stroke image", render);
    row("grayscale + feature extraction", features);
    row("predict_proba", predict);
    row("end to end (direct)", total);
    row("end to end (PredictionService)", roundTrip);
    std::printf("  reference: 60 Hz frame budget %.0f us -> direct p99 uses %.1f%% of a frame\n",
                kFrameBudgetUs, 100.0 * total.percentile(0.99) / kFrameBudgetUs);
    std::printf("  jittered demo strokes recognised: %zu / %d\n", correct, strokes);
    return 0;
}
