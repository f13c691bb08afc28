#pragma once
// What contrastive training reads: images, a caption per (item, epoch), and a group per item
// — items of one group (a class, or one caption text in user data) count as positives of each
// other in the loss, because a batch of Fashion-MNIST holds many images of the same class.
// Torch-free.
#include "clip/clip_config.hpp"
#include "datasets/image_class_dataset.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace liveml::clip {

class TrainingSet {
  public:
    // "fashion-mnist" and "digits" (train split), or a folder holding images and
    // captions.jsonl / captions.csv ({image, caption}). Throws std::runtime_error when the
    // data cannot be read or holds fewer than two usable items.
    static TrainingSet load(const std::string& dataset, std::size_t max_items = 0);

    // Moves the last `count` items of a built-in set out of training and returns them (a
    // validation split); nullopt for user folders, whose captions name no classes. Throws
    // std::runtime_error when fewer than two items would be left.
    std::optional<datasets::ImageClassDataset> hold_out(std::size_t count);

    // Keeps `per_group` items of each group (every item of a smaller group), drawn with
    // `seed`, in their original order: the K shots per class of few-shot training. Returns the
    // items kept.
    std::size_t keep_per_group(std::size_t per_group, std::uint64_t seed);

    const std::string& name() const { return name_; }
    std::size_t size() const { return groups_.size(); }
    int group(std::size_t item) const { return groups_[item]; }
    // Built-in data draws, per step, one of a few wordings for each class (so a batch holds
    // few distinct captions to encode) and changes them every step; user captions are fixed.
    std::string caption(std::size_t item, std::uint64_t step) const;
    // Writes the model input of `item` (image_input_floats(config) floats).
    void image_input(std::size_t item, const ClipConfig& config, std::span<float> out) const;
    // Every distinct caption that caption(item, step) can return, in a fixed order.
    std::vector<std::string> caption_set() const;
    // Captions to learn the BPE vocabulary from (never the zero-shot templates).
    std::vector<std::string> caption_corpus() const;
    // The small model our defaults train for this data, with the tokenizer's ids.
    ClipConfig default_config(std::int64_t vocab_size, std::int64_t bos_id,
                              std::int64_t eos_id) const;
    // Problems met while loading user data (skipped rows), for the job's log.
    const std::vector<std::string>& problems() const { return problems_; }

  private:
    std::string name_;
    std::vector<int> groups_;
    std::optional<datasets::ImageClassDataset> labelled_;
    // User folders: decoded once, kept as RGB8 at most kUserSide on the short side.
    std::vector<std::vector<std::uint8_t>> rgb_;
    std::vector<std::array<int, 2>> rgb_size_;
    std::vector<std::string> captions_;
    std::vector<std::string> problems_;
};

} // namespace liveml::clip
