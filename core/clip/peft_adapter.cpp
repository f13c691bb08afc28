#include "clip/peft_adapter.hpp"

#include "clip/safetensors_tensor.hpp"
#include "common/file_bytes.hpp"
#include "safetensors/safetensors_reader.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <stdexcept>

namespace liveml::clip {
namespace {

constexpr std::string_view kKeyPrefix = "base_model.model.";
constexpr std::string_view kASuffix = ".lora_A.weight";
constexpr std::string_view kBSuffix = ".lora_B.weight";
constexpr std::size_t kMaxConfigBytes = 1 << 20;

torch::Tensor read_tensor(const safetensors::SafetensorsFile& file,
                          const safetensors::TensorInfo& info) {
    auto values = file.to_float32(info);
    return torch::from_blob(values.data(), info.shape, torch::kFloat32).clone();
}

} // namespace

std::string adapter_config_json(const LoraSet& set, const std::string& base_model) {
    const auto& s = set.settings();
    nlohmann::ordered_json config = {
        {"alpha_pattern", nlohmann::json::object()},
        {"auto_mapping",
         {{"base_model_class", "CLIPModel"},
          {"parent_library", "transformers.models.clip.modeling_clip"}}},
        {"base_model_name_or_path", base_model},
        {"bias", "none"},
        {"fan_in_fan_out", false},
        {"inference_mode", true},
        {"init_lora_weights", true},
        {"layers_pattern", nullptr},
        {"layers_to_transform", nullptr},
        {"lora_alpha", s.alpha},
        {"lora_dropout", s.dropout},
        {"modules_to_save", nullptr},
        {"peft_type", "LORA"},
        {"r", s.rank},
        {"rank_pattern", nlohmann::json::object()},
        {"revision", nullptr},
        {"target_modules", set.peft_target_modules()},
        {"task_type", nullptr},
    };
    if (s.rslora) config["use_rslora"] = true;
    return config.dump(2) + "\n";
}

void write_peft_adapter(const std::filesystem::path& dir, const LoraSet& set,
                        const std::string& base_model) {
    std::filesystem::create_directories(dir);
    safetensors::SafetensorsWriter writer;
    writer.set_metadata("format", "pt");
    for (const auto& slot : set.slots()) {
        const auto key = std::string(kKeyPrefix) + slot.path;
        add_f32_tensor(writer, key + std::string(kASuffix), (*slot.adapter)->lora_A);
        add_f32_tensor(writer, key + std::string(kBSuffix), (*slot.adapter)->lora_B);
    }
    writer.write(dir / kAdapterWeightsFile);
    write_file_atomic(dir / kAdapterConfigFile, adapter_config_json(set, base_model));
}

LoraSettings read_adapter_settings(const std::filesystem::path& dir) {
    const auto path = dir / kAdapterConfigFile;
    if (!std::filesystem::is_regular_file(path))
        throw std::runtime_error(path.string() + " does not exist (not a PEFT adapter folder)");
    const auto fail = [&](const std::string& why) {
        return std::runtime_error(path.string() + ": " + why);
    };
    nlohmann::json config;
    try {
        config = nlohmann::json::parse(read_file_bytes(path, kMaxConfigBytes));
    } catch (const nlohmann::json::exception& e) {
        throw fail(std::string("not JSON (") + e.what() + ")");
    }
    if (!config.is_object()) throw fail("not a JSON object");
    if (config.value("peft_type", "") != "LORA") throw fail("peft_type is not \"LORA\"");
    const auto refuse_set = [&](const char* key, const char* why) {
        const auto it = config.find(key);
        const bool unset = it == config.end() || it->is_null() ||
                           (it->is_boolean() && !it->get<bool>()) ||
                           (it->is_object() && it->empty());
        if (unset) return;
        throw fail(std::string(key) + " is set: " + why);
    };
    refuse_set("fan_in_fan_out", "Conv1D-style weights are not used by CLIP");
    refuse_set("rank_pattern", "per-layer ranks are not supported");
    refuse_set("alpha_pattern", "per-layer alphas are not supported");
    refuse_set("use_dora", "DoRA adapters are not supported");
    if (config.value("bias", "none") != "none") throw fail("bias must be \"none\"");
    LoraSettings s;
    try {
        s.rank = config.at("r").get<std::int64_t>();
        s.alpha = config.value("lora_alpha", 8.0);
        s.dropout = config.value("lora_dropout", 0.0);
        s.rslora = config.value("use_rslora", false);
        s.validate();
    } catch (const std::exception& e) {
        throw fail(e.what());
    }
    return s;
}

LoraSet read_peft_adapter(const std::filesystem::path& dir, ClipModelImpl& model) {
    const auto settings = read_adapter_settings(dir);
    const auto file = safetensors::SafetensorsFile::open(dir / kAdapterWeightsFile);
    std::map<std::string, LoraSet::Weights> weights;
    for (const auto& info : file.tensors()) {
        const std::string_view name = info.name;
        const bool is_a = name.ends_with(kASuffix);
        if (!name.starts_with(kKeyPrefix) || (!is_a && !name.ends_with(kBSuffix)))
            throw std::runtime_error(file.source() + ": '" + info.name +
                                     "' is not a LoRA weight (base_model.model.<module>."
                                     "lora_A.weight or lora_B.weight)");
        const auto path = std::string(
            name.substr(kKeyPrefix.size(), name.size() - kKeyPrefix.size() - kASuffix.size()));
        (is_a ? weights[path].a : weights[path].b) = read_tensor(file, info);
    }
    for (const auto& [path, w] : weights)
        if (!w.a.defined() || !w.b.defined())
            throw std::runtime_error(file.source() + ": " + path + " has lora_" +
                                     (w.a.defined() ? "A" : "B") + " but not lora_" +
                                     (w.a.defined() ? "B" : "A"));
    if (weights.empty()) throw std::runtime_error(file.source() + " holds no LoRA weights");
    return LoraSet::attach_weights(model, settings, weights, file.source());
}

} // namespace liveml::clip
