#pragma once
#include <cstddef>
#include <optional>
#include <string_view>

namespace liveml::safetensors {

// Every element type the safetensors format defines; anything else in a header is rejected.
enum class Dtype {
    BOOL,
    U8,
    I8,
    F8_E5M2,
    F8_E4M3,
    I16,
    U16,
    F16,
    BF16,
    I32,
    U32,
    F32,
    F64,
    I64,
    U64
};

// Bytes per element.
std::size_t dtype_size(Dtype dtype);
// The header spelling ("F32", "BF16", …).
std::string_view dtype_name(Dtype dtype);
// Exact, case-sensitive match of a header spelling; nullopt for unknown names.
std::optional<Dtype> parse_dtype(std::string_view name);

} // namespace liveml::safetensors
