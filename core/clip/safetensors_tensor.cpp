#include "clip/safetensors_tensor.hpp"

namespace liveml::clip {

void add_f32_tensor(safetensors::SafetensorsWriter& writer, const std::string& name,
                    const torch::Tensor& tensor) {
    const auto cpu = tensor.detach().to(torch::kCPU, torch::kFloat32).contiguous();
    writer.add(name, safetensors::Dtype::F32, cpu.sizes().vec(),
               {cpu.data_ptr<float>(), static_cast<std::size_t>(cpu.numel())});
}

} // namespace liveml::clip
