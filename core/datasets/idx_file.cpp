#include "datasets/idx_file.hpp"

#include "common/file_bytes.hpp"

#include <stdexcept>

namespace liveml::datasets {
namespace {

constexpr std::uint32_t kImagesMagic = 0x00000803; // unsigned byte, 3 dimensions
constexpr std::uint32_t kLabelsMagic = 0x00000801; // unsigned byte, 1 dimension
constexpr int kMaxSide = 4096;
constexpr std::size_t kMaxFileBytes = 1ull << 30;

[[noreturn]] void fail(const std::filesystem::path& path, const std::string& what) {
    throw std::runtime_error(path.string() + ": " + what);
}

std::uint32_t be32(const std::string& bytes, std::size_t offset) {
    std::uint32_t v = 0;
    for (std::size_t i = 0; i < 4; ++i)
        v = (v << 8) | static_cast<unsigned char>(bytes[offset + i]);
    return v;
}

// Reads the file and checks magic and the payload size the header promises.
std::string read_checked(const std::filesystem::path& path, std::uint32_t magic,
                         std::size_t header_bytes, std::size_t& count) {
    std::string bytes = read_maybe_gzip(path, kMaxFileBytes);
    if (bytes.size() < header_bytes)
        fail(path, "idx file too short for its " + std::to_string(header_bytes) + "-byte header");
    const auto found = be32(bytes, 0);
    if (found != magic) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "bad idx magic 0x%08x (expected 0x%08x)", found, magic);
        fail(path, buf);
    }
    count = be32(bytes, 4);
    return bytes;
}

} // namespace

IdxImages read_idx_images(const std::filesystem::path& path) {
    IdxImages images;
    const std::string bytes = read_checked(path, kImagesMagic, 16, images.count);
    const auto rows = be32(bytes, 8);
    const auto cols = be32(bytes, 12);
    if (rows == 0 || cols == 0 || rows > kMaxSide || cols > kMaxSide)
        fail(path, "implausible image size " + std::to_string(rows) + "x" + std::to_string(cols));
    images.rows = static_cast<int>(rows);
    images.cols = static_cast<int>(cols);
    const std::size_t expected = images.count * rows * cols;
    if (bytes.size() - 16 != expected)
        fail(path, "header promises " + std::to_string(images.count) + " images of " +
                       std::to_string(rows) + "x" + std::to_string(cols) + " (" +
                       std::to_string(expected) + " bytes) but the file holds " +
                       std::to_string(bytes.size() - 16));
    images.pixels.assign(bytes.begin() + 16, bytes.end());
    return images;
}

std::vector<std::uint8_t> read_idx_labels(const std::filesystem::path& path) {
    std::size_t count = 0;
    const std::string bytes = read_checked(path, kLabelsMagic, 8, count);
    if (bytes.size() - 8 != count)
        fail(path, "header promises " + std::to_string(count) + " labels but the file holds " +
                       std::to_string(bytes.size() - 8));
    return {bytes.begin() + 8, bytes.end()};
}

} // namespace liveml::datasets
