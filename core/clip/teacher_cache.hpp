#pragma once
// Teacher outputs computed once per (teacher, training data) and kept on disk, so that
// distillation runs need no teacher forward pass (MobileCLIP's recipe; our data has no
// augmentation, so one image embedding per item suffices). Torch-free.
#include "clip/clip_encoder.hpp"
#include "clip/training_set.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace liveml::clip {

struct TeacherOutputs {
    std::string fingerprint; // model_fingerprint of the teacher directory
    std::string data_key;    // which items and captions (teacher_data_key)
    std::size_t dim = 0;
    double logit_scale = 0;    // exp(logit_scale) of the teacher
    std::vector<float> images; // [items, dim], unit rows, in item order
    std::vector<std::string> texts;
    std::vector<float> text_embeddings; // [texts, dim], unit rows
};

// Names the data the outputs are for: the set, its item count and a hash of its captions.
std::string teacher_data_key(const TrainingSet& data);

// <dir>/teacher-<fingerprint>-<hash of data key>.safetensors
std::filesystem::path teacher_cache_file(const std::filesystem::path& dir,
                                         const std::string& fingerprint,
                                         const std::string& data_key);

// Safetensors: "images" and "text_embeddings" F32, "logit_scale" F32 scalar; metadata holds
// the fingerprint, data key and texts (a JSON array). Atomic write.
void write_teacher_outputs(const std::filesystem::path& file, const TeacherOutputs& outputs);
// Throws std::runtime_error naming the file when it is unreadable or inconsistent.
TeacherOutputs read_teacher_outputs(const std::filesystem::path& file);

struct CachedTeacher {
    TeacherOutputs outputs;
    std::filesystem::path file;
    bool reused = false; // read from the cache instead of computed
};

// Reads the cache file for (teacher, data) when it exists and matches; otherwise embeds every
// item and caption of `data` with the teacher and writes the file. `progress(done, total)`
// is called while embedding images.
CachedTeacher cached_teacher_outputs(const std::filesystem::path& teacher_dir,
                                     const TrainingSet& data,
                                     const std::filesystem::path& cache_dir,
                                     const RuntimeOptions& runtime,
                                     const std::function<void(std::size_t, std::size_t)>& progress);

} // namespace liveml::clip
