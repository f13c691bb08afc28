#include "clip/model_fingerprint.hpp"

#include "common/file_bytes.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <string_view>

namespace liveml::clip {
namespace {

constexpr std::size_t kSampleBytes = 1u << 20;
constexpr std::size_t kMaxConfigBytes = 1u << 20;

// FNV-1a, 64 bit: a fingerprint, not a defence against crafted collisions.
void mix(std::uint64_t& hash, std::string_view bytes) {
    for (const unsigned char c : bytes) {
        hash ^= c;
        hash *= 0x100000001b3ULL;
    }
}

std::string read_at(std::ifstream& in, std::uint64_t offset, std::size_t count) {
    std::string bytes(count, '\0');
    in.seekg(static_cast<std::streamoff>(offset));
    in.read(bytes.data(), static_cast<std::streamsize>(count));
    if (!in) throw std::runtime_error("read failed");
    return bytes;
}

} // namespace

std::string model_fingerprint(const std::filesystem::path& model_dir) {
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    mix(hash, read_file_bytes(model_dir / "config.json", kMaxConfigBytes));
    const auto weights = model_dir / "model.safetensors";
    std::ifstream in(weights, std::ios::binary);
    std::error_code ec;
    const auto size = std::filesystem::file_size(weights, ec);
    if (!in || ec) throw std::runtime_error(weights.string() + ": cannot be read");
    mix(hash, std::to_string(size));
    try {
        const auto head = std::min<std::uint64_t>(size, kSampleBytes);
        mix(hash, read_at(in, 0, head));
        mix(hash, read_at(in, size - head, head));
    } catch (const std::exception&) {
        throw std::runtime_error(weights.string() + ": cannot be read");
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
    return hex;
}

} // namespace liveml::clip
