#include "datasets/caption_templates.hpp"

#include <array>
#include <stdexcept>

namespace liveml::datasets {
namespace {

// Training wording. Deliberately avoids the evaluation phrasings ("a photo of a", "itap of",
// "bad photo", "origami", "large", "small", "video game", "art of") so zero-shot accuracy
// measures transfer to unseen prompts rather than recall of training captions.
constexpr std::array<std::string_view, 24> kTraining{
    "{}",
    "a {}",
    "the {}",
    "an image of a {}.",
    "a picture of the {}.",
    "a grayscale image of a {}.",
    "a low resolution picture of a {}.",
    "a product shot of a {}.",
    "a close-up of the {}.",
    "this is a {}.",
    "there is a {} in this image.",
    "a centered {} on a dark background.",
    "a catalogue image showing a {}.",
    "one {}.",
    "a tiny thumbnail of a {}.",
    "a blurry {}.",
    "a scan of a {}.",
    "a black and white {}.",
    "an example of a {}.",
    "a sketch-like image of the {}.",
    "the image shows a {}.",
    "a cropped {}.",
    "a simple {}.",
    "my {}.",
};

// "a photo of a {}." and open_clip's SIMPLE_IMAGENET_TEMPLATES (CLIP_benchmark's ensemble).
constexpr std::array<std::string_view, 8> kZeroShot{
    "a photo of a {}.",         "itap of a {}.",
    "a bad photo of the {}.",   "a origami {}.",
    "a photo of the large {}.", "a {} in a video game.",
    "art of the {}.",           "a photo of the small {}.",
};

// SplitMix64: a fixed, portable mixing function (std::hash is not stable across builds).
std::uint64_t mix(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

} // namespace

std::span<const std::string_view> training_templates() {
    return kTraining;
}
std::span<const std::string_view> zeroshot_templates() {
    return kZeroShot;
}

std::string fill_template(std::string_view tmpl, std::string_view class_name) {
    const auto pos = tmpl.find("{}");
    if (pos == std::string_view::npos)
        throw std::invalid_argument("caption template '" + std::string(tmpl) + "' has no {}");
    std::string out(tmpl.substr(0, pos));
    out += class_name;
    out += tmpl.substr(pos + 2);
    return out;
}

std::string training_caption(std::string_view class_name, std::uint64_t index, std::uint64_t seed) {
    return fill_template(kTraining[mix(index ^ mix(seed)) % kTraining.size()], class_name);
}

std::vector<std::string> zeroshot_prompts(std::string_view class_name) {
    std::vector<std::string> prompts;
    for (auto t : kZeroShot)
        prompts.push_back(fill_template(t, class_name));
    return prompts;
}

std::vector<std::string> zeroshot_prompts(std::string_view class_name,
                                          std::span<const std::string> templates) {
    std::vector<std::string> prompts;
    for (const auto& t : templates)
        prompts.push_back(fill_template(t, class_name));
    return prompts;
}

} // namespace liveml::datasets
