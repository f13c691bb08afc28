#pragma once
#include "safetensors/dtype.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace liveml::safetensors {

struct TensorInfo {
    std::string name;
    Dtype dtype = Dtype::F32;
    std::vector<std::int64_t> shape; // empty = scalar (one element)
    std::uint64_t begin = 0;         // byte offsets relative to the start of the data section
    std::uint64_t end = 0;
    std::uint64_t numel() const; // product of shape (1 for a scalar, 0 for an empty tensor)
};

struct ReadLimits {
    // The format caps the JSON header at 100,000,000 bytes; callers may lower it.
    std::uint64_t max_header_bytes = 100'000'000;
};

// A validated safetensors file. Every structural rule is checked when it is opened, so a
// SafetensorsFile that exists is well formed: known dtypes, non-negative dims, offsets equal
// to shape×dtype size, tensors packed from 0 with no gap or overlap, data ending exactly at
// the end of the file. Violations throw std::runtime_error naming the file and the tensor.
class SafetensorsFile {
  public:
    // Memory-maps the file (read-only); the mapping lives as long as this object.
    static SafetensorsFile open(const std::filesystem::path& path, ReadLimits limits = {});
    // Parses an in-memory image of a file; `source` names it in error messages.
    static SafetensorsFile from_bytes(std::string bytes, ReadLimits limits = {},
                                      std::string source = "<memory>");

    // Tensors sorted by name.
    const std::vector<TensorInfo>& tensors() const { return tensors_; }
    const std::map<std::string, std::string>& metadata() const { return metadata_; }
    bool contains(std::string_view name) const { return find(name) != nullptr; }
    const TensorInfo* find(std::string_view name) const;
    // Throws std::runtime_error "no tensor '<name>' in <source>".
    const TensorInfo& at(std::string_view name) const;

    // The tensor's raw little-endian bytes (zero-copy view into the mapping).
    std::span<const std::byte> bytes(const TensorInfo& tensor) const;
    // Values widened to float32 from F32, F16, BF16 or F64 (F64 is rounded); throws for
    // other dtypes.
    std::vector<float> to_float32(const TensorInfo& tensor) const;
    std::vector<float> to_float32(std::string_view name) const { return to_float32(at(name)); }

    const std::string& source() const { return source_; }

  private:
    struct Storage;
    SafetensorsFile(std::shared_ptr<const Storage> storage, std::string source, ReadLimits limits);

    std::shared_ptr<const Storage> storage_;
    std::string source_;
    std::uint64_t data_start_ = 0;
    std::vector<TensorInfo> tensors_;
    std::map<std::string, std::string> metadata_;
};

} // namespace liveml::safetensors
