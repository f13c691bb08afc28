#pragma once
#include "safetensors/dtype.hpp"

#include <cstdint>
#include <filesystem>
#include <map>
#include <span>
#include <string>
#include <vector>

namespace liveml::safetensors {

// Collects tensors and writes a safetensors file that our reader, the Python `safetensors`
// package and transformers' from_pretrained accept: tensors laid out in name order, header
// space-padded to a multiple of 8 bytes.
class SafetensorsWriter {
  public:
    // Stores float values as F32, F16 or BF16 (narrowing rounds to nearest even).
    // Throws std::invalid_argument for another dtype, a duplicate name, a negative dim or a
    // value count that does not match the shape.
    void add(const std::string& name, Dtype dtype, std::vector<std::int64_t> shape,
             std::span<const float> values);
    // Stores bytes already encoded in `dtype` (e.g. I64 position ids).
    void add_raw(const std::string& name, Dtype dtype, std::vector<std::int64_t> shape,
                 std::span<const std::byte> bytes);
    void set_metadata(const std::string& key, const std::string& value);

    // The whole file image.
    std::string serialize() const;
    // Writes atomically (temporary file + rename).
    void write(const std::filesystem::path& path) const;

  private:
    struct Pending {
        Dtype dtype;
        std::vector<std::int64_t> shape;
        std::vector<std::byte> bytes;
    };
    void check_new(const std::string& name, const std::vector<std::int64_t>& shape) const;
    std::map<std::string, Pending> tensors_;
    std::map<std::string, std::string> metadata_;
};

} // namespace liveml::safetensors
