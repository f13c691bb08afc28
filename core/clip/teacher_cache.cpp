#include "clip/teacher_cache.hpp"

#include "clip/image_input.hpp"
#include "clip/model_fingerprint.hpp"
#include "safetensors/safetensors_reader.hpp"
#include "safetensors/safetensors_writer.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstdio>
#include <stdexcept>

namespace liveml::clip {
namespace {

constexpr std::size_t kEmbedBatch = 256;

std::string hex_hash(std::string_view text) {
    std::uint64_t hash = 0xcbf29ce484222325ULL; // FNV-1a: a name, not a defence
    for (const unsigned char c : text) {
        hash ^= c;
        hash *= 0x100000001b3ULL;
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
    return hex;
}

std::string metadata(const safetensors::SafetensorsFile& file, const char* key) {
    const auto it = file.metadata().find(key);
    if (it == file.metadata().end()) throw std::runtime_error(std::string("no ") + key);
    return it->second;
}

} // namespace

std::string teacher_data_key(const TrainingSet& data) {
    std::string captions;
    for (const auto& caption : data.caption_set())
        captions += caption + '\n';
    return data.name() + ":" + std::to_string(data.size()) + ":" + hex_hash(captions);
}

std::filesystem::path teacher_cache_file(const std::filesystem::path& dir,
                                         const std::string& fingerprint,
                                         const std::string& data_key) {
    return dir / ("teacher-" + fingerprint + "-" + hex_hash(data_key) + ".safetensors");
}

void write_teacher_outputs(const std::filesystem::path& file, const TeacherOutputs& o) {
    const auto dim = static_cast<std::int64_t>(o.dim);
    safetensors::SafetensorsWriter writer;
    writer.set_metadata("fingerprint", o.fingerprint);
    writer.set_metadata("data_key", o.data_key);
    writer.set_metadata("texts", nlohmann::json(o.texts).dump());
    writer.add("images", safetensors::Dtype::F32,
               {static_cast<std::int64_t>(o.images.size()) / dim, dim}, o.images);
    writer.add("text_embeddings", safetensors::Dtype::F32,
               {static_cast<std::int64_t>(o.texts.size()), dim}, o.text_embeddings);
    const float scale = static_cast<float>(o.logit_scale);
    writer.add("logit_scale", safetensors::Dtype::F32, {}, {&scale, 1});
    std::filesystem::create_directories(file.parent_path());
    writer.write(file);
}

TeacherOutputs read_teacher_outputs(const std::filesystem::path& file) {
    try {
        const auto st = safetensors::SafetensorsFile::open(file);
        TeacherOutputs o;
        o.fingerprint = metadata(st, "fingerprint");
        o.data_key = metadata(st, "data_key");
        o.texts = nlohmann::json::parse(metadata(st, "texts")).get<std::vector<std::string>>();
        const auto& images = st.at("images");
        const auto& texts = st.at("text_embeddings");
        if (images.shape.size() != 2 || texts.shape.size() != 2 ||
            images.shape[1] != texts.shape[1] ||
            texts.shape[0] != static_cast<std::int64_t>(o.texts.size()))
            throw std::runtime_error("tensor shapes disagree");
        o.dim = static_cast<std::size_t>(images.shape[1]);
        o.images = st.to_float32(images);
        o.text_embeddings = st.to_float32(texts);
        o.logit_scale = st.to_float32("logit_scale").at(0);
        return o;
    } catch (const std::exception& e) {
        throw std::runtime_error(file.string() + " is not a usable teacher cache (" + e.what() +
                                 ")");
    }
}

CachedTeacher
cached_teacher_outputs(const std::filesystem::path& teacher_dir, const TrainingSet& data,
                       const std::filesystem::path& cache_dir, const RuntimeOptions& runtime,
                       const std::function<void(std::size_t, std::size_t)>& progress) {
    CachedTeacher cached;
    const auto fingerprint = model_fingerprint(teacher_dir);
    const auto key = teacher_data_key(data);
    cached.file = teacher_cache_file(cache_dir, fingerprint, key);
    if (std::filesystem::exists(cached.file)) {
        cached.outputs = read_teacher_outputs(cached.file);
        if (cached.outputs.fingerprint == fingerprint && cached.outputs.data_key == key &&
            cached.outputs.images.size() == data.size() * cached.outputs.dim) {
            cached.reused = true;
            return cached;
        }
    }
    const auto teacher = ClipEncoder::load(teacher_dir, runtime);
    auto& o = cached.outputs;
    o.fingerprint = fingerprint;
    o.data_key = key;
    o.dim = teacher.embedding_dim();
    o.logit_scale = teacher.logit_scale();
    const auto per_image = image_input_floats(teacher.config());
    std::vector<float> pixels;
    for (std::size_t begin = 0; begin < data.size(); begin += kEmbedBatch) {
        const auto count = std::min(kEmbedBatch, data.size() - begin);
        pixels.resize(count * per_image);
        for (std::size_t i = 0; i < count; ++i)
            data.image_input(begin + i, teacher.config(),
                             {pixels.data() + i * per_image, per_image});
        const auto rows = teacher.encode_pixels(pixels, count, kEmbedBatch);
        o.images.insert(o.images.end(), rows.data.begin(), rows.data.end());
        if (progress) progress(begin + count, data.size());
    }
    o.texts = data.caption_set();
    o.text_embeddings = teacher.encode_texts(o.texts).data;
    write_teacher_outputs(cached.file, o);
    return cached;
}

} // namespace liveml::clip
