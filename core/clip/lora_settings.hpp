#pragma once
// What a LoRA fine-tune adapts and how strongly: rank, alpha, dropout, scaling rule, which
// layers (targets) of which towers. Torch-free so CLI flags can fill it.
#include <cstdint>
#include <string>
#include <vector>

namespace liveml::clip {

struct LoraSettings {
    // PEFT's LoraConfig(r=8, lora_alpha=16, lora_dropout=0.05, target_modules=["q_proj",
    // "v_proj"]) of the original material, plus the linear head of a convolutional image tower
    // (it has no attention, so q/v alone would leave the image side untouched).
    std::int64_t rank = 8;
    double alpha = 16;
    double dropout = 0.05;
    bool rslora = false; // scale alpha/√r (rsLoRA) instead of PEFT's default alpha/r
    // q, k, v, o (attention projections), fc1, fc2 (MLP), head (a CNN tower's linear layer
    // "fc"), proj (visual_projection / text_projection).
    std::vector<std::string> targets{"q", "v", "head"};
    std::vector<std::string> towers{"image", "text"};

    double scale() const;
    // Throws std::invalid_argument naming the flag (--lora-rank, --targets, …) at fault.
    void validate() const;
};

// Every target and tower name accepted, in the order the help lists them.
const std::vector<std::string>& lora_target_names();
const std::vector<std::string>& lora_tower_names();

// "q,v,head" → {"q","v","head"}; throws std::invalid_argument naming `flag` for an empty list,
// an unknown or a repeated name.
std::vector<std::string> parse_lora_list(const std::string& text,
                                         const std::vector<std::string>& allowed,
                                         const std::string& flag);

} // namespace liveml::clip
