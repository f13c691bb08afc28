#pragma once
#include "datasets/image_class_dataset.hpp"

#include <array>
#include <filesystem>
#include <string_view>

namespace liveml::datasets {

enum class Split { Train, Test };

// Debian's dataset-fashion-mnist location.
inline const std::filesystem::path kFashionMnistDir = "/usr/share/datasets/fashion-mnist";

// Fashion-MNIST class names, index = label.
const std::array<std::string_view, 10>& fashion_mnist_classes();
// Digits class names "zero" … "nine".
const std::array<std::string_view, 10>& digit_classes();

// Fashion-MNIST 28×28 (60,000 train / 10,000 test). Validates magic, dims, that images and
// labels agree in count, and labels 0..9; throws std::runtime_error otherwise.
ImageClassDataset load_fashion_mnist(Split split,
                                     const std::filesystem::path& dir = kFashionMnistDir);

// The bundled digits (resources/data/digits.csv.gz, 1,797 8×8 images, values 0..16 scaled
// to 0..255 with ink bright). The set has no official split: Train takes the first 80% of
// each class in file order, Test the rest, so both see every class.
ImageClassDataset load_digits(Split split);

} // namespace liveml::datasets
