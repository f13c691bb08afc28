#pragma once
// The distillation side of a training run: the teacher's cached outputs on the device, the
// student's architecture, --init-from-teacher and the per-batch loss terms. The trainer
// (clip_trainer.cpp) owns the loop, checkpoints and resume. Torch header: include only from
// .cpp files and tests.
#include "clip/clip_model.hpp"
#include "clip/distill_options.hpp"
#include "clip/runtime_options.hpp"
#include "clip/student_init.hpp"
#include "clip/training_set.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace liveml::clip {

struct StepLoss {
    torch::Tensor total;
    std::vector<std::pair<std::string, torch::Tensor>> terms; // empty for plain training
};

class Distillation {
  public:
    // Reads or builds the teacher cache for `data` (which must already have its validation
    // items held out). Throws std::runtime_error for an unusable teacher or cache.
    Distillation(const DistillOptions& options, const TrainingSet& data,
                 const RuntimeOptions& runtime, torch::Device device,
                 const std::function<void(std::size_t, std::size_t)>& cache_progress);

    // The student for `data` with the teacher's token ids (students use its tokenizer).
    ClipConfig student_config(const TrainingSet& data) const;
    // Copies the teacher's vocab.json and merges.txt into `dir`.
    void write_tokenizer(const std::filesystem::path& dir) const;
    InheritReport init_student(ClipModelImpl& student) const;

    // Loss terms of one batch: `images`/`texts` the student's normalised embeddings of the
    // batch's `items` and distinct `captions`.
    StepLoss loss(const torch::Tensor& images, const torch::Tensor& texts,
                  const torch::Tensor& student_scale, const std::vector<std::size_t>& items,
                  const std::vector<std::string>& captions, const torch::Tensor& image_groups,
                  const torch::Tensor& text_groups) const;

    const std::filesystem::path& cache_file() const { return cache_file_; }
    bool cache_reused() const { return cache_reused_; }

  private:
    DistillOptions options_;
    ClipConfig teacher_config_;
    torch::Device device_;
    torch::Tensor images_, texts_; // teacher embeddings [items, D], [captions, D]
    double teacher_scale_ = 1;
    std::unordered_map<std::string, std::int64_t> text_row_;
    std::filesystem::path cache_file_;
    bool cache_reused_ = false;
};

} // namespace liveml::clip
