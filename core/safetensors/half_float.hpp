#pragma once
#include <cstdint>

namespace liveml::safetensors {

// IEEE binary16 and bfloat16 <-> float. Widening is exact (including subnormals, ±inf, NaN);
// narrowing rounds to nearest, ties to even, overflowing to ±inf like PyTorch's
// .half()/.bfloat16().
float f16_to_f32(std::uint16_t bits);
float bf16_to_f32(std::uint16_t bits);
std::uint16_t f32_to_f16(float value);
std::uint16_t f32_to_bf16(float value);

} // namespace liveml::safetensors
