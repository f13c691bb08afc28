#include "clip/clip_evaluation.hpp"

#include "clip/image_input.hpp"
#include "datasets/builtin_datasets.hpp"
#include "datasets/caption_templates.hpp"
#include "retrieval/vector_index.hpp"

#include <chrono>
#include <stdexcept>

namespace liveml::clip {
namespace {

// CLIP_benchmark multiplies cosine similarities by 100 for zero-shot logits.
constexpr float kZeroShotScale = 100.0f;

retrieval::Matrix scaled(retrieval::Matrix m, float factor) {
    for (auto& v : m.data)
        v *= factor;
    return m;
}

} // namespace

datasets::ImageClassDataset load_labelled_split(const std::string& dataset,
                                                const std::string& split, std::size_t max_items) {
    if (split != "train" && split != "test")
        throw std::runtime_error("split '" + split + "' is neither train nor test");
    const auto which = split == "train" ? datasets::Split::Train : datasets::Split::Test;
    datasets::ImageClassDataset data;
    if (dataset == "fashion-mnist") {
        data = datasets::load_fashion_mnist(which);
    } else if (dataset == "digits") {
        data = datasets::load_digits(which);
    } else {
        throw std::runtime_error("dataset '" + dataset +
                                 "' is not a labelled built-in set (fashion-mnist, digits)");
    }
    if (max_items > 0 && max_items < data.size()) {
        data.labels.resize(max_items);
        data.pixels.resize(max_items * data.image_bytes());
    }
    return data;
}

std::vector<float> dataset_pixels(const datasets::ImageClassDataset& data,
                                  const ClipConfig& config) {
    const auto per_image = image_input_floats(config);
    std::vector<float> pixels(data.size() * per_image);
    for (std::size_t i = 0; i < data.size(); ++i)
        gray_image_input(data.image(i), data.width, data.height, config,
                         {pixels.data() + i * per_image, per_image});
    return pixels;
}

retrieval::Matrix class_text_weights(const ClipEncoder& encoder,
                                     const std::vector<std::string>& class_names,
                                     const std::vector<std::string>& templates) {
    std::vector<std::string> prompts;
    for (const auto& name : class_names) {
        auto mine = templates.empty() ? datasets::zeroshot_prompts(name)
                                      : datasets::zeroshot_prompts(name, templates);
        prompts.insert(prompts.end(), mine.begin(), mine.end());
    }
    return retrieval::zeroshot_classifier(encoder.encode_texts(prompts), class_names.size());
}

namespace {

void notify(const EvalPhaseFn& phase, const char* name) {
    if (phase) phase(name);
}

retrieval::Matrix embed_split(const ClipEncoder& encoder, const datasets::ImageClassDataset& data,
                              const EvalPhaseFn& phase) {
    if (data.size() == 0) throw std::runtime_error("the evaluation split is empty");
    notify(phase, "embed-images");
    return encoder.encode_pixels(dataset_pixels(data, encoder.config()), data.size());
}

retrieval::ZeroShotMetrics zeroshot_of(const ClipEncoder& encoder,
                                       const datasets::ImageClassDataset& data,
                                       const retrieval::Matrix& images, const EvalPhaseFn& phase) {
    notify(phase, "zeroshot");
    const auto weights = class_text_weights(encoder, data.class_names);
    return retrieval::zeroshot_metrics(
        scaled(retrieval::matmul_transposed(images, weights), kZeroShotScale), data.labels);
}

} // namespace

retrieval::ZeroShotMetrics evaluate_zeroshot(const ClipEncoder& encoder,
                                             const datasets::ImageClassDataset& data,
                                             const EvalPhaseFn& phase) {
    return zeroshot_of(encoder, data, embed_split(encoder, data, phase), phase);
}

EvalReport evaluate(const ClipEncoder& encoder, const datasets::ImageClassDataset& data,
                    std::size_t latency_queries, const EvalPhaseFn& phase) {
    EvalReport report;
    report.images = data.size();
    const auto images = embed_split(encoder, data, phase);
    report.zeroshot = zeroshot_of(encoder, data, images, phase);

    notify(phase, "retrieval");
    std::vector<std::string> captions;
    std::vector<int> caption_class;
    for (std::size_t c = 0; c < data.class_names.size(); ++c)
        for (auto& prompt : datasets::zeroshot_prompts(data.class_names[c])) {
            captions.push_back(std::move(prompt));
            caption_class.push_back(static_cast<int>(c));
        }
    report.captions = captions.size();
    const auto texts = encoder.encode_texts(captions);
    std::vector<std::vector<std::size_t>> images_of(data.class_names.size());
    for (std::size_t i = 0; i < data.size(); ++i)
        images_of[static_cast<std::size_t>(data.labels[i])].push_back(i);
    std::vector<std::vector<std::size_t>> captions_of(data.class_names.size());
    for (std::size_t t = 0; t < captions.size(); ++t)
        captions_of[static_cast<std::size_t>(caption_class[t])].push_back(t);
    std::vector<std::vector<std::size_t>> t2i_relevant, i2t_relevant;
    for (const auto c : caption_class)
        t2i_relevant.push_back(images_of[static_cast<std::size_t>(c)]);
    for (const auto label : data.labels)
        i2t_relevant.push_back(captions_of[static_cast<std::size_t>(label)]);
    // Classes with no image in the split cannot be retrieved; keep their captions out.
    std::vector<std::size_t> kept;
    for (std::size_t t = 0; t < captions.size(); ++t)
        if (!t2i_relevant[t].empty()) kept.push_back(t);
    retrieval::Matrix kept_texts{0, texts.cols, {}};
    std::vector<std::vector<std::size_t>> kept_relevant;
    for (const auto t : kept) {
        const auto row = texts.row(t);
        kept_texts.data.insert(kept_texts.data.end(), row.begin(), row.end());
        ++kept_texts.rows;
        kept_relevant.push_back(t2i_relevant[t]);
    }
    report.text_to_image =
        retrieval::ranking_metrics(retrieval::matmul_transposed(kept_texts, images), kept_relevant);
    report.image_to_text =
        retrieval::ranking_metrics(retrieval::matmul_transposed(images, texts), i2t_relevant);

    if (latency_queries == 0) return report;
    notify(phase, "latency");
    retrieval::VectorIndex index(images.cols);
    index.add(images, std::vector<retrieval::ItemMeta>(images.rows));
    std::vector<double> latencies;
    const auto wall_start = std::chrono::steady_clock::now();
    for (std::size_t q = 0; q < latency_queries; ++q) {
        const auto t0 = std::chrono::steady_clock::now();
        const std::string query = captions[q % captions.size()];
        index.search(encoder.encode_texts({&query, 1}), 10);
        latencies.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                .count());
    }
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
    report.latency = retrieval::summarize_latencies(std::move(latencies), wall);
    return report;
}

} // namespace liveml::clip
