#include "clip/distillation.hpp"

#include "clip/distill_loss.hpp"
#include "clip/model_io.hpp"
#include "clip/teacher_cache.hpp"
#include "common/file_bytes.hpp"

#include <cmath>
#include <cstdint>
#include <stdexcept>

namespace liveml::clip {
namespace {

torch::Tensor rows_tensor(std::vector<float>& values, std::size_t dim, torch::Device device) {
    const auto rows = static_cast<std::int64_t>(values.size() / dim);
    return torch::from_blob(values.data(), {rows, static_cast<std::int64_t>(dim)}, torch::kFloat32)
        .to(device)
        .clone();
}

} // namespace

Distillation::Distillation(const DistillOptions& options, const TrainingSet& data,
                           const RuntimeOptions& runtime, torch::Device device,
                           const std::function<void(std::size_t, std::size_t)>& cache_progress)
    : options_(options), device_(device) {
    if (!std::filesystem::is_directory(options_.teacher))
        throw std::runtime_error("teacher " + options_.teacher.string() +
                                 " is not a model directory");
    teacher_config_ = load_clip_config(options_.teacher / "config.json");
    auto cached =
        cached_teacher_outputs(options_.teacher, data, options_.cache_dir, runtime, cache_progress);
    cache_file_ = cached.file;
    cache_reused_ = cached.reused;
    auto& o = cached.outputs;
    images_ = rows_tensor(o.images, o.dim, device_);
    texts_ = rows_tensor(o.text_embeddings, o.dim, device_);
    teacher_scale_ = o.logit_scale;
    for (std::size_t i = 0; i < o.texts.size(); ++i)
        text_row_.emplace(o.texts[i], static_cast<std::int64_t>(i));
}

ClipConfig Distillation::student_config(const TrainingSet& data) const {
    const auto& t = teacher_config_.text;
    ClipConfig config;
    if (options_.student == "small" || options_.student == "light") {
        config = data.default_config(t.vocab_size, t.bos_token_id, t.eos_token_id);
        if (options_.student == "light")
            config =
                light_config(t.vocab_size, t.bos_token_id, t.eos_token_id, config.vision.image_size,
                             config.vision.num_channels, teacher_config_.projection_dim);
        // One embedding space with the teacher: feature distillation compares them directly.
        config.projection_dim = teacher_config_.projection_dim;
    } else {
        config = load_clip_config(options_.student);
        if (config.text.vocab_size < t.vocab_size)
            throw std::runtime_error("student config " + options_.student +
                                     ": text vocab_size is smaller than the teacher's " +
                                     std::to_string(t.vocab_size));
    }
    if (options_.loss == DistillLoss::ClipKd &&
        config.projection_dim != teacher_config_.projection_dim)
        throw std::runtime_error(
            "--loss clipkd compares embeddings: the student's projection_dim " +
            std::to_string(config.projection_dim) + " differs from the teacher's " +
            std::to_string(teacher_config_.projection_dim));
    return config;
}

void Distillation::write_tokenizer(const std::filesystem::path& dir) const {
    constexpr std::size_t kMaxTokenizerBytes = 64u << 20;
    for (const char* name : {"vocab.json", "merges.txt"})
        write_file_atomic(dir / name, read_file_bytes(options_.teacher / name, kMaxTokenizerBytes));
}

InheritReport Distillation::init_student(ClipModelImpl& student) const {
    auto teacher = load_clip_model(options_.teacher);
    return inherit_from_teacher(student, *teacher);
}

StepLoss Distillation::loss(const torch::Tensor& images, const torch::Tensor& texts,
                            const torch::Tensor& student_scale,
                            const std::vector<std::size_t>& items,
                            const std::vector<std::string>& captions,
                            const torch::Tensor& image_groups,
                            const torch::Tensor& text_groups) const {
    std::vector<std::int64_t> item_rows(items.begin(), items.end());
    std::vector<std::int64_t> text_rows;
    for (const auto& caption : captions) {
        const auto it = text_row_.find(caption);
        if (it == text_row_.end())
            throw std::runtime_error("teacher cache has no embedding for caption '" + caption +
                                     "'");
        text_rows.push_back(it->second);
    }
    const auto index = [&](std::vector<std::int64_t>& rows) {
        return torch::from_blob(rows.data(), {static_cast<std::int64_t>(rows.size())},
                                torch::kInt64)
            .to(device_);
    };
    DistillBatch b;
    b.student_images = images;
    b.student_texts = texts;
    b.teacher_images = images_.index_select(0, index(item_rows));
    b.teacher_texts = texts_.index_select(0, index(text_rows));
    b.student_scale = student_scale;
    b.teacher_scale = teacher_scale_;
    b.image_groups = image_groups;
    b.text_groups = text_groups;
    StepLoss step;
    step.terms = distill_terms(options_.loss, b, options_.alpha, options_.temperature);
    step.total = step.terms.front().second;
    for (std::size_t i = 1; i < step.terms.size(); ++i)
        step.total = step.total + step.terms[i].second;
    return step;
}

} // namespace liveml::clip
