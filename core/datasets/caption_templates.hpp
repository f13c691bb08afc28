#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace liveml::datasets {

// Templates contain "{}" where the class name goes.
// Training captions: varied wording, none of which is an evaluation template.
std::span<const std::string_view> training_templates();
// Zero-shot evaluation: "a photo of a {}." plus open_clip's 7 SIMPLE_IMAGENET_TEMPLATES
// (the CLIP_benchmark ensemble). Never used to make training captions.
std::span<const std::string_view> zeroshot_templates();

// Replaces the first "{}"; throws std::invalid_argument when the template has none.
std::string fill_template(std::string_view tmpl, std::string_view class_name);

// Deterministic caption for sample `index` of class `class_name`: the training template picked
// by a hash of (index, seed), so each epoch (a new seed) pairs images with new wording without
// keeping state.
std::string training_caption(std::string_view class_name, std::uint64_t index,
                             std::uint64_t seed = 0);

// All zero-shot prompts for one class, one per template, in template order.
std::vector<std::string> zeroshot_prompts(std::string_view class_name);
// The same with the user's templates, each holding "{}" where the class name goes
// (std::invalid_argument otherwise).
std::vector<std::string> zeroshot_prompts(std::string_view class_name,
                                          std::span<const std::string> templates);

} // namespace liveml::datasets
