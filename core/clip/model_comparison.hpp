#pragma once
// What `liveml clip compare` measures of each model on the same inputs: size, encoder latency
// at batch 1 and a large batch, and quality (zero-shot, retrieval), plus the figures relative
// to a first (reference) model. Torch-free.
#include "clip/clip_evaluation.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace liveml::clip {

struct TimingOptions {
    std::size_t warmup = 3; // untimed calls first: lazy allocations, caches, thread pools
    std::size_t runs = 20;  // timed calls per (tower, batch size)
    std::size_t large_batch = 64;
};

// Milliseconds per call of one encoder at batch 1 and at the large batch.
struct TowerLatency {
    retrieval::LatencyStats b1, large;
};

struct ModelMeasurement {
    std::filesystem::path model;
    ParameterCounts params;
    std::uint64_t size_bytes = 0; // config.json, model.safetensors and tokenizer files
    TowerLatency image, text;
    EvalReport quality;
};

// The model files counted in size_bytes (training state and caches are not the model).
std::uint64_t model_size_bytes(const std::filesystem::path& dir);

// Measures `encoder` (loaded from `dir`) on `data`: images are the split's first items and
// texts its zero-shot prompts, repeated to fill the large batch.
ModelMeasurement measure_model(const std::filesystem::path& dir, const ClipEncoder& encoder,
                               const datasets::ImageClassDataset& data, const TimingOptions& timing,
                               const EvalPhaseFn& phase = {});

// Quality figures by name (zero-shot top1/top5/mean_per_class_recall, retrieval R@K both
// directions, mAP as the mean of both), in report order.
std::vector<std::pair<std::string, double>> quality_figures(const EvalReport& quality);

struct RelativeFigures {
    double compression = 0; // reference parameters / these parameters
    // Reference p50 latency / this p50 latency.
    double speedup_image_b1 = 0, speedup_image_large = 0;
    double speedup_text_b1 = 0, speedup_text_large = 0;
    // 100 x this / reference, per quality figure (NaN where the reference scores 0).
    std::vector<std::pair<std::string, double>> retained_percent;
};

RelativeFigures relative_to(const ModelMeasurement& reference, const ModelMeasurement& model);

} // namespace liveml::clip
