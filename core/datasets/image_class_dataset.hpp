#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace liveml::datasets {

// Labelled 8-bit grayscale images of one size, stored back to back (row-major, 0 = black).
struct ImageClassDataset {
    std::string name; // "fashion-mnist/train", "digits", …
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels; // size() * width * height
    std::vector<int> labels;          // 0 .. class_names.size()-1
    std::vector<std::string> class_names;

    std::size_t size() const { return labels.size(); }
    std::size_t image_bytes() const { return static_cast<std::size_t>(width) * height; }
    std::span<const std::uint8_t> image(std::size_t i) const {
        return {pixels.data() + i * image_bytes(), image_bytes()};
    }
};

} // namespace liveml::datasets
