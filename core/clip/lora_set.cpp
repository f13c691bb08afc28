#include "clip/lora_set.hpp"

#include <algorithm>
#include <cstdint>
#include <set>
#include <stdexcept>

namespace liveml::clip {
namespace {

bool contains(const std::vector<std::string>& list, const std::string& name) {
    return std::find(list.begin(), list.end(), name) != list.end();
}

void add_encoder_slots(EncoderStackImpl& encoder, const std::string& prefix,
                       const std::string& tower, std::vector<LinearSlot>& out) {
    for (std::size_t i = 0; i < encoder.layers->size(); ++i) {
        auto& layer = *encoder.layers[i]->as<ClipEncoderLayerImpl>();
        const auto base = prefix + ".encoder.layers." + std::to_string(i);
        auto& attn = *layer.self_attn;
        auto& mlp = *layer.mlp;
        out.push_back({base + ".self_attn.q_proj", "q", tower, &attn.q_proj, &attn.q_lora});
        out.push_back({base + ".self_attn.k_proj", "k", tower, &attn.k_proj, &attn.k_lora});
        out.push_back({base + ".self_attn.v_proj", "v", tower, &attn.v_proj, &attn.v_lora});
        out.push_back({base + ".self_attn.out_proj", "o", tower, &attn.out_proj, &attn.out_lora});
        out.push_back({base + ".mlp.fc1", "fc1", tower, &mlp.fc1, &mlp.fc1_lora});
        out.push_back({base + ".mlp.fc2", "fc2", tower, &mlp.fc2, &mlp.fc2_lora});
    }
}

LoraAdapter make_adapter(const torch::nn::Linear& linear, const LoraSettings& s) {
    const auto& w = linear->weight;
    LoraAdapter adapter(w.size(1), w.size(0), s.rank, s.scale(), s.dropout);
    adapter->to(w.device());
    return adapter;
}

} // namespace

std::string module_leaf_name(const std::string& path) {
    const auto dot = path.rfind('.');
    return dot == std::string::npos ? path : path.substr(dot + 1);
}

std::vector<LinearSlot> linear_slots(ClipModelImpl& m) {
    std::vector<LinearSlot> slots;
    add_encoder_slots(*m.text_model->encoder, "text_model", "text", slots);
    if (m.vit) add_encoder_slots(*m.vit->encoder, "vision_model", "image", slots);
    if (m.cnn) slots.push_back({"vision_model.fc", "head", "image", &m.cnn->fc, &m.cnn->fc_lora});
    slots.push_back({"visual_projection", "proj", "image", &m.visual_projection,
                     &m.visual_projection_lora});
    slots.push_back({"text_projection", "proj", "text", &m.text_projection,
                     &m.text_projection_lora});
    return slots;
}

LoraSet LoraSet::attach(ClipModelImpl& model, const LoraSettings& settings) {
    settings.validate();
    LoraSet set(model, settings);
    for (auto& slot : linear_slots(model)) {
        if (!contains(settings.targets, slot.target) || !contains(settings.towers, slot.tower))
            continue;
        if (*slot.adapter) throw std::logic_error(slot.path + " already has a LoRA adapter");
        const auto& w = (*slot.linear)->weight;
        if (settings.rank > std::min(w.size(0), w.size(1)))
            throw std::invalid_argument("--lora-rank " + std::to_string(settings.rank) +
                                        " exceeds the width of " + slot.path + " (" +
                                        std::to_string(std::min(w.size(0), w.size(1))) + ")");
        set.slots_.push_back(slot);
    }
    if (set.slots_.empty())
        throw std::invalid_argument("--targets/--towers pick no layer of this model (a "
                                    "convolutional image tower has only 'head' and 'proj')");
    for (auto& slot : set.slots_)
        *slot.adapter = make_adapter(*slot.linear, settings);
    return set;
}

LoraSet LoraSet::attach_weights(ClipModelImpl& model, const LoraSettings& settings,
                                const std::map<std::string, Weights>& weights,
                                const std::string& source) {
    LoraSet set(model, settings);
    std::set<std::string> unused;
    for (const auto& [path, _] : weights)
        unused.insert(path);
    for (auto& slot : linear_slots(model)) {
        const auto it = weights.find(slot.path);
        if (it == weights.end()) continue;
        unused.erase(slot.path);
        const auto& w = (*slot.linear)->weight;
        const auto& [a, b] = it->second;
        const bool fits = a.dim() == 2 && b.dim() == 2 && a.size(0) == settings.rank &&
                          a.size(1) == w.size(1) && b.size(0) == w.size(0) &&
                          b.size(1) == settings.rank;
        if (!fits)
            throw std::runtime_error(source + ": the adapter of " + slot.path +
                                     " does not fit the layer (r = " +
                                     std::to_string(settings.rank) + ", weight " +
                                     std::to_string(w.size(0)) + "x" + std::to_string(w.size(1)) +
                                     ")");
        if (*slot.adapter) throw std::logic_error(slot.path + " already has a LoRA adapter");
        auto adapter = make_adapter(*slot.linear, settings);
        torch::NoGradGuard no_grad;
        adapter->lora_A.copy_(a);
        adapter->lora_B.copy_(b);
        *slot.adapter = adapter;
        set.slots_.push_back(slot);
    }
    if (!unused.empty())
        throw std::runtime_error(source + ": no Linear layer of the model is named " +
                                 *unused.begin() + (unused.size() > 1 ? " (and others)" : ""));
    return set;
}

std::vector<torch::Tensor> LoraSet::parameters() const {
    std::vector<torch::Tensor> params;
    for (const auto& slot : slots_) {
        params.push_back((*slot.adapter)->lora_A);
        params.push_back((*slot.adapter)->lora_B);
    }
    return params;
}

std::int64_t LoraSet::parameter_count() const {
    std::int64_t n = 0;
    for (const auto& p : parameters())
        n += p.numel();
    return n;
}

void LoraSet::train(bool on) {
    for (const auto& slot : slots_)
        (*slot.adapter)->train(on);
}

void LoraSet::merge() {
    torch::NoGradGuard no_grad;
    for (const auto& slot : slots_) {
        auto& weight = (*slot.linear)->weight;
        const auto delta = (*slot.adapter)->delta_weight().to(torch::kFloat32);
        weight.copy_(weight.to(torch::kFloat32) + delta);
    }
    remove();
}

void LoraSet::remove() {
    for (auto& slot : slots_)
        *slot.adapter = LoraAdapter{nullptr};
    slots_.clear();
}

std::vector<std::string> LoraSet::peft_target_modules() const {
    std::set<std::string> leaves, adapted;
    for (const auto& slot : slots_) {
        leaves.insert(module_leaf_name(slot.path));
        adapted.insert(slot.path);
    }
    std::set<std::string> matched;
    for (const auto& slot : linear_slots(*model_))
        if (leaves.contains(module_leaf_name(slot.path))) matched.insert(slot.path);
    if (matched == adapted) return {leaves.begin(), leaves.end()};
    return {adapted.begin(), adapted.end()};
}

} // namespace liveml::clip
