#include "datasets/builtin_datasets.hpp"

#include "datasets/idx_file.hpp"
#include "digits/digits_dataset.hpp"

#include <cstdint>
#include <stdexcept>

namespace liveml::datasets {
namespace {

template <std::size_t N>
std::vector<std::string> to_strings(const std::array<std::string_view, N>& names) {
    return {names.begin(), names.end()};
}

} // namespace

const std::array<std::string_view, 10>& fashion_mnist_classes() {
    static constexpr std::array<std::string_view, 10> names{
        "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
        "Sandal",      "Shirt",   "Sneaker",  "Bag",   "Ankle boot"};
    return names;
}

const std::array<std::string_view, 10>& digit_classes() {
    static constexpr std::array<std::string_view, 10> names{
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};
    return names;
}

ImageClassDataset load_fashion_mnist(Split split, const std::filesystem::path& dir) {
    const std::string prefix = split == Split::Train ? "train" : "t10k";
    const auto images_path = dir / (prefix + "-images-idx3-ubyte.gz");
    const auto labels_path = dir / (prefix + "-labels-idx1-ubyte.gz");
    auto images = read_idx_images(images_path);
    const auto labels = read_idx_labels(labels_path);
    if (images.count != labels.size())
        throw std::runtime_error(images_path.string() + " holds " + std::to_string(images.count) +
                                 " images but " + labels_path.string() + " holds " +
                                 std::to_string(labels.size()) + " labels");
    ImageClassDataset ds;
    ds.name = std::string("fashion-mnist/") + (split == Split::Train ? "train" : "test");
    ds.width = images.cols;
    ds.height = images.rows;
    ds.pixels = std::move(images.pixels);
    ds.class_names = to_strings(fashion_mnist_classes());
    ds.labels.reserve(labels.size());
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (labels[i] > 9)
            throw std::runtime_error(labels_path.string() + ": label " + std::to_string(labels[i]) +
                                     " at index " + std::to_string(i) + " is outside 0..9");
        ds.labels.push_back(labels[i]);
    }
    return ds;
}

ImageClassDataset load_digits(Split split) {
    const auto samples = digits::load_digits_csv(digits::bundled_digits_path());
    std::array<std::size_t, 10> per_class{};
    for (const auto& s : samples)
        ++per_class[static_cast<std::size_t>(s.label)];
    std::array<std::size_t, 10> seen{};

    ImageClassDataset ds;
    ds.name = std::string("digits/") + (split == Split::Train ? "train" : "test");
    ds.width = 8;
    ds.height = 8;
    ds.class_names = to_strings(digit_classes());
    for (const auto& s : samples) {
        const auto label = static_cast<std::size_t>(s.label);
        const bool train = seen[label]++ < per_class[label] * 4 / 5;
        if (train != (split == Split::Train)) continue;
        // 0..16 ink intensity -> 0..255, exactly 255 at 16.
        for (auto v : s.x)
            ds.pixels.push_back(static_cast<std::uint8_t>((v * 255 + 8) / 16));
        ds.labels.push_back(s.label);
    }
    return ds;
}

} // namespace liveml::datasets
