#pragma once
// Zero-shot and retrieval evaluation of a model on a labelled built-in split, per the
// CLIP_benchmark protocols, plus query latency through the retrieval index. Torch-free.
#include "clip/clip_encoder.hpp"
#include "datasets/image_class_dataset.hpp"
#include "retrieval/latency_stats.hpp"
#include "retrieval/ranking_metrics.hpp"

#include <functional>
#include <string>

namespace liveml::clip {

// "fashion-mnist" | "digits" and "train" | "test"; max_items 0 = the whole split. Throws
// std::runtime_error for another name.
datasets::ImageClassDataset load_labelled_split(const std::string& dataset,
                                                const std::string& split,
                                                std::size_t max_items = 0);

// Model inputs of every image of `data`, image after image.
std::vector<float> dataset_pixels(const datasets::ImageClassDataset& data,
                                  const ClipConfig& config);

// Per class, the zero-shot templates' embeddings averaged and renormalised: [classes, dim].
// `templates` (each with "{}" for the class name) replace the built-in ensemble when given.
retrieval::Matrix class_text_weights(const ClipEncoder& encoder,
                                     const std::vector<std::string>& class_names,
                                     const std::vector<std::string>& templates = {});

struct EvalReport {
    retrieval::ZeroShotMetrics zeroshot;
    // Text queries are the zero-shot prompts (class x template, never seen in training);
    // an image is relevant to a prompt of its class, and vice versa.
    retrieval::RankingMetrics text_to_image;
    retrieval::RankingMetrics image_to_text;
    retrieval::LatencyStats latency; // one text query: encode + top-10 index search
    std::size_t images = 0;
    std::size_t captions = 0;
};

using EvalPhaseFn = std::function<void(const std::string& phase)>;

// Zero-shot classification alone (phases "embed-images", "zeroshot"): what
// `liveml clip zeroshot --dataset` reports, without the retrieval and latency work of evaluate.
retrieval::ZeroShotMetrics evaluate_zeroshot(const ClipEncoder& encoder,
                                             const datasets::ImageClassDataset& data,
                                             const EvalPhaseFn& phase = {});

// latency_queries 0 leaves the latency out (and its phase).
EvalReport evaluate(const ClipEncoder& encoder, const datasets::ImageClassDataset& data,
                    std::size_t latency_queries = 200, const EvalPhaseFn& phase = {});

} // namespace liveml::clip
