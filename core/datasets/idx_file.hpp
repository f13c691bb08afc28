#pragma once
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace liveml::datasets {

// The MNIST "idx" container (big-endian): magic 0x00000803 + count, rows, cols for images;
// 0x00000801 + count for labels. Plain or gzip (detected by magic bytes).
struct IdxImages {
    std::size_t count = 0;
    int rows = 0;
    int cols = 0;
    std::vector<std::uint8_t> pixels; // count * rows * cols
};

// Throw std::runtime_error naming the file for a wrong magic, absurd dims (> 4096 a side),
// or a payload whose size does not match the header.
IdxImages read_idx_images(const std::filesystem::path& path);
std::vector<std::uint8_t> read_idx_labels(const std::filesystem::path& path);

} // namespace liveml::datasets
