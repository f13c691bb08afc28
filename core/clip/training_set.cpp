#include "clip/training_set.hpp"

#include "clip/image_input.hpp"
#include "datasets/builtin_datasets.hpp"
#include "datasets/caption_templates.hpp"
#include "datasets/user_images.hpp"
#include "imaging/clip_preprocess.hpp"
#include "imaging/image_decode.hpp"
#include "imaging/resize.hpp"

#include <algorithm>
#include <filesystem>
#include <numeric>
#include <random>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

namespace liveml::clip {
namespace {

// User images are shrunk once at load so a large folder fits in memory; the default user
// model works at 64x64, well below this.
constexpr int kUserSide = 96;
constexpr std::int64_t kUserModelSide = 64;

std::filesystem::path find_captions_file(const std::filesystem::path& dir) {
    for (const char* name : {"captions.jsonl", "captions.json", "captions.csv"})
        if (std::filesystem::is_regular_file(dir / name)) return dir / name;
    throw std::runtime_error(dir.string() +
                             ": no captions.jsonl or captions.csv with {image, caption} rows");
}

// The default stages, fewer when the image is too small to halve that often (digits: 8x8).
std::vector<std::int64_t> cnn_stages(std::vector<std::int64_t> stages, std::int64_t side) {
    std::size_t fit = 0;
    for (; fit < stages.size() && side >= 2; ++fit)
        side /= 2;
    stages.resize(fit);
    return stages;
}

} // namespace

TrainingSet TrainingSet::load(const std::string& dataset, std::size_t max_items) {
    TrainingSet set;
    set.name_ = dataset;
    if (dataset == "fashion-mnist" || dataset == "digits") {
        set.labelled_ = dataset == "digits" ? datasets::load_digits(datasets::Split::Train)
                                            : datasets::load_fashion_mnist(datasets::Split::Train);
        auto& data = *set.labelled_;
        if (max_items > 0 && max_items < data.size()) {
            data.labels.resize(max_items);
            data.pixels.resize(max_items * data.image_bytes());
        }
        set.groups_ = data.labels;
    } else {
        const std::filesystem::path dir = dataset;
        if (!std::filesystem::is_directory(dir))
            throw std::runtime_error("dataset '" + dataset +
                                     "' is neither fashion-mnist, digits nor a folder");
        auto loaded = datasets::load_captioned_folder(dir, find_captions_file(dir));
        set.problems_ = std::move(loaded.problems);
        std::unordered_map<std::string, int> group_of_caption;
        for (const auto& item : loaded.items) {
            if (max_items > 0 && set.captions_.size() >= max_items) break;
            try {
                auto image = imaging::decode_image_file(item.image);
                const auto [w, h] =
                    imaging::shortest_side_size(image.width, image.height, kUserSide);
                if (std::min(image.width, image.height) > kUserSide)
                    image = imaging::resize_bicubic(image, w, h);
                set.rgb_size_.push_back({image.width, image.height});
                set.rgb_.push_back(std::move(image.pixels));
            } catch (const std::exception& e) {
                set.problems_.push_back(e.what());
                continue;
            }
            const auto next = static_cast<int>(group_of_caption.size());
            set.groups_.push_back(group_of_caption.try_emplace(item.caption, next).first->second);
            set.captions_.push_back(item.caption);
        }
    }
    if (set.size() < 2) {
        std::string why;
        if (!set.problems_.empty())
            why = " (" + std::to_string(set.problems_.size()) +
                  " skipped, the first: " + set.problems_.front() + ")";
        throw std::runtime_error("dataset '" + dataset + "' has fewer than two usable items" + why);
    }
    return set;
}

std::optional<datasets::ImageClassDataset> TrainingSet::hold_out(std::size_t count) {
    if (!labelled_ || count == 0) return std::nullopt;
    if (count + 2 > groups_.size())
        throw std::runtime_error("dataset '" + name_ + "' has too few items to hold out " +
                                 std::to_string(count) + " for validation");
    auto& data = *labelled_;
    const auto kept = data.size() - count;
    datasets::ImageClassDataset held = data;
    held.labels.erase(held.labels.begin(), held.labels.begin() + static_cast<std::ptrdiff_t>(kept));
    held.pixels.erase(held.pixels.begin(),
                      held.pixels.begin() + static_cast<std::ptrdiff_t>(kept * data.image_bytes()));
    data.labels.resize(kept);
    data.pixels.resize(kept * data.image_bytes());
    groups_.resize(kept);
    return held;
}

std::size_t TrainingSet::keep_per_group(std::size_t per_group, std::uint64_t seed) {
    std::vector<std::size_t> order(size());
    std::iota(order.begin(), order.end(), 0);
    std::mt19937_64 rng(seed);
    std::shuffle(order.begin(), order.end(), rng);
    std::unordered_map<int, std::size_t> taken;
    std::vector<bool> keep(size(), false);
    for (const auto item : order)
        if (taken[groups_[item]]++ < per_group) keep[item] = true;

    std::size_t kept = 0;
    const auto bytes = labelled_ ? labelled_->image_bytes() : 0;
    for (std::size_t i = 0; i < size(); ++i) {
        if (!keep[i]) continue;
        groups_[kept] = groups_[i];
        if (labelled_) {
            labelled_->labels[kept] = labelled_->labels[i];
            std::copy_n(labelled_->pixels.begin() + static_cast<std::ptrdiff_t>(i * bytes), bytes,
                        labelled_->pixels.begin() + static_cast<std::ptrdiff_t>(kept * bytes));
        } else {
            rgb_[kept] = std::move(rgb_[i]);
            rgb_size_[kept] = rgb_size_[i];
            captions_[kept] = std::move(captions_[i]);
        }
        ++kept;
    }
    groups_.resize(kept);
    if (labelled_) {
        labelled_->labels.resize(kept);
        labelled_->pixels.resize(kept * bytes);
    } else {
        rgb_.resize(kept);
        rgb_size_.resize(kept);
        captions_.resize(kept);
    }
    return kept;
}

std::string TrainingSet::caption(std::size_t item, std::uint64_t step) const {
    if (!labelled_) return captions_[item];
    constexpr std::size_t kWordingsPerClassPerStep = 6;
    return datasets::training_caption(labelled_->class_names[groups_[item]],
                                      item % kWordingsPerClassPerStep, step);
}

void TrainingSet::image_input(std::size_t item, const ClipConfig& config,
                              std::span<float> out) const {
    if (labelled_) {
        gray_image_input(labelled_->image(item), labelled_->width, labelled_->height, config, out);
        return;
    }
    const imaging::RgbImage image{rgb_size_[item][0], rgb_size_[item][1], rgb_[item]};
    rgb_image_input(image, config, out);
}

std::vector<std::string> TrainingSet::caption_set() const {
    std::vector<std::string> texts;
    if (!labelled_) {
        std::unordered_set<std::string> seen;
        for (const auto& caption : captions_)
            if (seen.insert(caption).second) texts.push_back(caption);
        return texts;
    }
    for (const auto& name : labelled_->class_names)
        for (const auto tmpl : datasets::training_templates())
            texts.push_back(datasets::fill_template(tmpl, name));
    return texts;
}

std::vector<std::string> TrainingSet::caption_corpus() const {
    if (!labelled_) return captions_;
    // A few epochs' worth of wordings per class covers every training template and variant.
    constexpr std::uint64_t kSamplesPerClass = 400;
    std::vector<std::string> corpus;
    for (std::size_t c = 0; c < labelled_->class_names.size(); ++c)
        for (std::uint64_t i = 0; i < kSamplesPerClass; ++i)
            corpus.push_back(datasets::training_caption(labelled_->class_names[c], i, 0));
    return corpus;
}

ClipConfig TrainingSet::default_config(std::int64_t vocab_size, std::int64_t bos_id,
                                       std::int64_t eos_id) const {
    const bool gray = labelled_.has_value();
    const std::int64_t side = gray ? labelled_->width : kUserModelSide;
    auto config = small_cnn_config(vocab_size, bos_id, eos_id, side, gray ? 1 : 3);
    config.vision.cnn_channels = cnn_stages(config.vision.cnn_channels, side);
    return config;
}

} // namespace liveml::clip
