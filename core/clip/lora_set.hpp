#pragma once
// The LoRA adapters of one model: which Linear layers a LoraSettings picks (named by their
// Hugging Face module paths), attaching fresh adapters to them, their parameters, merging
// them into the base weights. Torch header: include only from .cpp files and tests.
#include "clip/clip_model.hpp"
#include "clip/lora_settings.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace liveml::clip {

// One Linear layer of a model that an adapter can sit beside.
struct LinearSlot {
    std::string path;   // e.g. "text_model.encoder.layers.0.self_attn.q_proj"
    std::string target; // q k v o fc1 fc2 head proj (lora_target_names)
    std::string tower;  // image | text
    torch::nn::Linear* linear = nullptr;
    LoraAdapter* adapter = nullptr; // the model's slot for this layer's adapter
};

// Every Linear layer of `model` an adapter can take, in module order.
std::vector<LinearSlot> linear_slots(ClipModelImpl& model);

class LoraSet {
  public:
    // Fresh adapters (B = 0, seeded by the caller's torch::manual_seed) on every layer the
    // settings pick, on the model's device. Throws std::invalid_argument when they pick no
    // layer of this model (e.g. --targets q with only a CNN image tower), or when the rank
    // exceeds a picked layer's width; std::logic_error when the model already has adapters.
    static LoraSet attach(ClipModelImpl& model, const LoraSettings& settings);

    // Adapters with the given A [r, in] and B [out, r] on the layers named by path (what an
    // adapter file holds); settings give rank, scale and dropout (targets and towers are not
    // consulted). Throws std::runtime_error naming `source` for a path that is no Linear
    // layer of the model, or a shape that does not fit it.
    struct Weights {
        torch::Tensor a, b;
    };
    static LoraSet attach_weights(ClipModelImpl& model, const LoraSettings& settings,
                                  const std::map<std::string, Weights>& weights,
                                  const std::string& source);

    const LoraSettings& settings() const { return settings_; }
    // The adapted layers, in module order.
    const std::vector<LinearSlot>& slots() const { return slots_; }
    std::vector<torch::Tensor> parameters() const;
    std::int64_t parameter_count() const;
    // Dropout on (true) or off in every adapter.
    void train(bool on);

    // W ← W + s·B·A in fp32 for every adapted layer, then the adapters are removed: the
    // model is an ordinary model again and this set is empty.
    void merge();
    // Removes the adapters without changing the base weights.
    void remove();

    // PEFT's target_modules for these layers: the layers' own names (q_proj, fc1, …) when,
    // under PEFT's rule (a module matches a name when its path ends with ".name"), they pick
    // exactly these layers of the model; their full paths otherwise (one tower only).
    std::vector<std::string> peft_target_modules() const;

  private:
    LoraSet(ClipModelImpl& model, LoraSettings settings) : model_(&model), settings_(settings) {}
    ClipModelImpl* model_;
    LoraSettings settings_;
    std::vector<LinearSlot> slots_;
};

// "q_proj" for text_model.encoder.layers.0.self_attn.q_proj.
std::string module_leaf_name(const std::string& path);

} // namespace liveml::clip
