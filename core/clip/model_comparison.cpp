#include "clip/model_comparison.hpp"

#include "clip/image_input.hpp"
#include "datasets/caption_templates.hpp"

#include <chrono>
#include <cmath>
#include <functional>
#include <limits>
#include <stdexcept>

namespace liveml::clip {
namespace {

retrieval::LatencyStats time_calls(const std::function<void()>& call, const TimingOptions& t) {
    for (std::size_t i = 0; i < t.warmup; ++i)
        call();
    std::vector<double> ms;
    const auto wall_start = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < t.runs; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        call();
        ms.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                .count());
    }
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
    return retrieval::summarize_latencies(std::move(ms), wall);
}

// `count` model inputs taken from the split's first images, cycling when it has fewer.
std::vector<float> image_batch(const datasets::ImageClassDataset& data, const ClipConfig& config,
                               std::size_t count) {
    const auto per_image = image_input_floats(config);
    std::vector<float> pixels(count * per_image);
    for (std::size_t i = 0; i < count; ++i)
        gray_image_input(data.image(i % data.size()), data.width, data.height, config,
                         {pixels.data() + i * per_image, per_image});
    return pixels;
}

std::vector<std::string> text_batch(const datasets::ImageClassDataset& data, std::size_t count) {
    std::vector<std::string> prompts;
    for (const auto& name : data.class_names)
        for (auto& prompt : datasets::zeroshot_prompts(name))
            prompts.push_back(std::move(prompt));
    std::vector<std::string> texts;
    for (std::size_t i = 0; i < count; ++i)
        texts.push_back(prompts[i % prompts.size()]);
    return texts;
}

double ratio(double numerator, double denominator) {
    return denominator > 0 ? numerator / denominator : std::numeric_limits<double>::quiet_NaN();
}

} // namespace

std::uint64_t model_size_bytes(const std::filesystem::path& dir) {
    std::uint64_t bytes = 0;
    for (const char* name : {"config.json", "model.safetensors", "vocab.json", "merges.txt"}) {
        std::error_code ec;
        const auto size = std::filesystem::file_size(dir / name, ec);
        if (ec) throw std::runtime_error((dir / name).string() + ": cannot be read");
        bytes += size;
    }
    return bytes;
}

ModelMeasurement measure_model(const std::filesystem::path& dir, const ClipEncoder& encoder,
                               const datasets::ImageClassDataset& data, const TimingOptions& timing,
                               const EvalPhaseFn& phase) {
    if (data.size() == 0) throw std::runtime_error("the evaluation split is empty");
    if (timing.runs == 0 || timing.large_batch == 0)
        throw std::invalid_argument("timing needs at least one run and a batch of one");
    ModelMeasurement m;
    m.model = dir;
    m.params = encoder.parameter_counts();
    m.size_bytes = model_size_bytes(dir);

    if (phase) phase("latency");
    const auto large = timing.large_batch;
    const auto pixels = image_batch(data, encoder.config(), large);
    const auto per_image = image_input_floats(encoder.config());
    const std::span<const float> one_image(pixels.data(), per_image);
    m.image.b1 = time_calls([&] { encoder.encode_pixels(one_image, 1, 1); }, timing);
    m.image.large = time_calls([&] { encoder.encode_pixels(pixels, large, large); }, timing);
    const auto texts = text_batch(data, large);
    const std::span<const std::string> one_text(texts.data(), 1);
    m.text.b1 = time_calls([&] { encoder.encode_texts(one_text, 1); }, timing);
    m.text.large = time_calls([&] { encoder.encode_texts(texts, large); }, timing);

    m.quality = evaluate(encoder, data, 0, phase);
    return m;
}

std::vector<std::pair<std::string, double>> quality_figures(const EvalReport& q) {
    const auto& t2i = q.text_to_image;
    const auto& i2t = q.image_to_text;
    return {{"top1", q.zeroshot.top1},
            {"top5", q.zeroshot.top5},
            {"mean_per_class_recall", q.zeroshot.mean_per_class_recall},
            {"t2i_R@1", t2i.recall_at_1},
            {"t2i_R@5", t2i.recall_at_5},
            {"t2i_R@10", t2i.recall_at_10},
            {"i2t_R@1", i2t.recall_at_1},
            {"i2t_R@5", i2t.recall_at_5},
            {"i2t_R@10", i2t.recall_at_10},
            {"map", (t2i.map + i2t.map) / 2}};
}

RelativeFigures relative_to(const ModelMeasurement& reference, const ModelMeasurement& model) {
    RelativeFigures r;
    r.compression =
        ratio(static_cast<double>(reference.params.total), static_cast<double>(model.params.total));
    r.speedup_image_b1 = ratio(reference.image.b1.p50_ms, model.image.b1.p50_ms);
    r.speedup_image_large = ratio(reference.image.large.p50_ms, model.image.large.p50_ms);
    r.speedup_text_b1 = ratio(reference.text.b1.p50_ms, model.text.b1.p50_ms);
    r.speedup_text_large = ratio(reference.text.large.p50_ms, model.text.large.p50_ms);
    const auto base = quality_figures(reference.quality);
    const auto mine = quality_figures(model.quality);
    for (std::size_t i = 0; i < base.size(); ++i)
        r.retained_percent.emplace_back(base[i].first, 100 * ratio(mine[i].second, base[i].second));
    return r;
}

} // namespace liveml::clip
