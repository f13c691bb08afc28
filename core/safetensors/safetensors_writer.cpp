#include "safetensors/safetensors_writer.hpp"

#include "common/file_bytes.hpp"
#include "safetensors/half_float.hpp"

#include <nlohmann/json.hpp>

#include <cstring>
#include <stdexcept>

namespace liveml::safetensors {
namespace {

std::uint64_t element_count(const std::vector<std::int64_t>& shape) {
    std::uint64_t n = 1;
    for (auto d : shape)
        n *= static_cast<std::uint64_t>(d);
    return n;
}

template <typename T> void append(std::vector<std::byte>& out, T value) {
    const auto* p = reinterpret_cast<const std::byte*>(&value);
    out.insert(out.end(), p, p + sizeof(T));
}

} // namespace

void SafetensorsWriter::check_new(const std::string& name,
                                  const std::vector<std::int64_t>& shape) const {
    if (name.empty() || name == "__metadata__")
        throw std::invalid_argument("safetensors writer: invalid tensor name '" + name + "'");
    if (tensors_.contains(name))
        throw std::invalid_argument("safetensors writer: duplicate tensor '" + name + "'");
    for (auto d : shape)
        if (d < 0)
            throw std::invalid_argument("safetensors writer: tensor '" + name +
                                        "' has a negative dimension");
}

void SafetensorsWriter::add(const std::string& name, Dtype dtype, std::vector<std::int64_t> shape,
                            std::span<const float> values) {
    check_new(name, shape);
    if (element_count(shape) != values.size())
        throw std::invalid_argument("safetensors writer: tensor '" + name + "' has " +
                                    std::to_string(values.size()) + " values for its shape");
    Pending p{dtype, std::move(shape), {}};
    p.bytes.reserve(values.size() * dtype_size(dtype));
    switch (dtype) {
    case Dtype::F32:
        for (float v : values)
            append(p.bytes, v);
        break;
    case Dtype::F16:
        for (float v : values)
            append(p.bytes, f32_to_f16(v));
        break;
    case Dtype::BF16:
        for (float v : values)
            append(p.bytes, f32_to_bf16(v));
        break;
    default:
        throw std::invalid_argument("safetensors writer: tensor '" + name +
                                    "': float values can be stored as F32, F16 or BF16 only");
    }
    tensors_.emplace(name, std::move(p));
}

void SafetensorsWriter::add_raw(const std::string& name, Dtype dtype,
                                std::vector<std::int64_t> shape, std::span<const std::byte> bytes) {
    check_new(name, shape);
    if (element_count(shape) * dtype_size(dtype) != bytes.size())
        throw std::invalid_argument("safetensors writer: tensor '" + name + "' has " +
                                    std::to_string(bytes.size()) + " bytes for its shape");
    tensors_.emplace(name, Pending{dtype, std::move(shape), {bytes.begin(), bytes.end()}});
}

void SafetensorsWriter::set_metadata(const std::string& key, const std::string& value) {
    metadata_[key] = value;
}

std::string SafetensorsWriter::serialize() const {
    nlohmann::json header = nlohmann::json::object();
    std::uint64_t offset = 0;
    for (const auto& [name, t] : tensors_) {
        header[name] = {{"dtype", dtype_name(t.dtype)},
                        {"shape", t.shape},
                        {"data_offsets", {offset, offset + t.bytes.size()}}};
        offset += t.bytes.size();
    }
    if (!metadata_.empty()) header["__metadata__"] = metadata_;
    std::string text = header.dump();
    // Pad with spaces so the data section starts 8-byte aligned (8 + N ≡ 0 mod 8).
    text.append((8 - text.size() % 8) % 8, ' ');

    std::string out;
    out.reserve(8 + text.size() + offset);
    const std::uint64_t n = text.size();
    out.append(reinterpret_cast<const char*>(&n), sizeof n);
    out += text;
    for (const auto& [name, t] : tensors_)
        out.append(reinterpret_cast<const char*>(t.bytes.data()), t.bytes.size());
    return out;
}

void SafetensorsWriter::write(const std::filesystem::path& path) const {
    write_file_atomic(path, serialize());
}

} // namespace liveml::safetensors
