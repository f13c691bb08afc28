#include "clip/model_io.hpp"

#include "clip/safetensors_tensor.hpp"
#include "common/file_bytes.hpp"
#include "safetensors/safetensors_reader.hpp"
#include "safetensors/safetensors_writer.hpp"

#include <map>
#include <sstream>
#include <stdexcept>

namespace liveml::clip {
namespace {

// Older transformers files carry position ids; torchvision's batch norms a step counter that
// only matters with momentum=None, which we do not use.
bool ignored_key(const std::string& name) {
    return name.ends_with(".embeddings.position_ids") || name.ends_with(".num_batches_tracked");
}

// What a checkpoint holds: every parameter and the batch-norm running statistics (buffers the
// model needs at inference; the causal mask buffer is rebuilt, never stored).
std::map<std::string, torch::Tensor> state_tensors(ClipModelImpl& model) {
    std::map<std::string, torch::Tensor> state;
    for (auto& item : model.named_parameters())
        state.emplace(item.key(), item.value());
    for (auto& item : model.named_buffers())
        if (item.key().ends_with(".running_mean") || item.key().ends_with(".running_var"))
            state.emplace(item.key(), item.value());
    return state;
}

std::string shape_text(c10::IntArrayRef shape) {
    std::ostringstream out;
    out << '[';
    for (std::size_t i = 0; i < shape.size(); ++i)
        out << (i ? "," : "") << shape[i];
    out << ']';
    return out.str();
}

// At most a handful of names, so an error about a wrong model stays readable.
std::string list_names(const std::vector<std::string>& names) {
    constexpr std::size_t kShown = 5;
    std::string text;
    for (std::size_t i = 0; i < names.size() && i < kShown; ++i)
        text += (i ? ", " : "") + names[i];
    if (names.size() > kShown) text += " (+" + std::to_string(names.size() - kShown) + " more)";
    return text;
}

} // namespace

void load_weights(ClipModelImpl& model, const safetensors::SafetensorsFile& file) {
    auto params = state_tensors(model);

    std::vector<std::string> unexpected, mismatched;
    for (const auto& info : file.tensors()) {
        if (ignored_key(info.name)) continue;
        const auto it = params.find(info.name);
        if (it == params.end()) {
            unexpected.push_back(info.name);
            continue;
        }
        if (!c10::IntArrayRef(info.shape).equals(it->second.sizes()))
            mismatched.push_back(info.name + " (file " + shape_text(info.shape) + ", model " +
                                 shape_text(it->second.sizes()) + ")");
    }
    std::vector<std::string> missing;
    for (const auto& [name, _] : params)
        if (!file.contains(name)) missing.push_back(name);

    std::string problems;
    if (!missing.empty()) problems += " missing keys: " + list_names(missing) + ";";
    if (!unexpected.empty()) problems += " unexpected keys: " + list_names(unexpected) + ";";
    if (!mismatched.empty()) problems += " shape mismatches: " + list_names(mismatched) + ";";
    if (!problems.empty())
        throw std::runtime_error(file.source() + " does not fit the model config:" + problems);

    torch::NoGradGuard no_grad;
    for (auto& [name, param] : params) {
        auto values = file.to_float32(name);
        const auto cpu = torch::from_blob(values.data(), param.sizes(), torch::kFloat32);
        param.copy_(cpu);
    }
}

void save_weights(ClipModelImpl& model, const std::filesystem::path& file) {
    safetensors::SafetensorsWriter writer;
    writer.set_metadata("format", "pt");
    for (const auto& [name, tensor] : state_tensors(model))
        add_f32_tensor(writer, name, tensor);
    writer.write(file);
}

ClipModel load_clip_model(const std::filesystem::path& dir) {
    if (!std::filesystem::is_directory(dir))
        throw std::runtime_error("model directory " + dir.string() + " does not exist");
    const auto config = load_clip_config(dir / "config.json");
    ClipModel model(config);
    load_weights(*model, safetensors::SafetensorsFile::open(dir / "model.safetensors"));
    return model;
}

void save_clip_model(ClipModelImpl& model, const std::filesystem::path& dir) {
    std::filesystem::create_directories(dir);
    write_file_atomic(dir / "config.json", clip_config_to_json(model.config()));
    save_weights(model, dir / "model.safetensors");
}

} // namespace liveml::clip
