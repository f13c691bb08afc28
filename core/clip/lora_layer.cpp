#include "clip/lora_layer.hpp"

#include <cmath>
#include <cstdint>

namespace liveml::clip {

LoraAdapterImpl::LoraAdapterImpl(std::int64_t in_features, std::int64_t out_features,
                                 std::int64_t rank, double scale, double dropout)
    : scale_(scale), dropout_(dropout) {
    lora_A = register_parameter("lora_A", torch::empty({rank, in_features}));
    lora_B = register_parameter("lora_B", torch::zeros({out_features, rank}));
    torch::NoGradGuard no_grad;
    // nn.init.kaiming_uniform_(A, a=√5), PEFT's default for lora_A: bound = 1/√in.
    torch::nn::init::kaiming_uniform_(lora_A, std::sqrt(5.0));
}

torch::Tensor LoraAdapterImpl::forward(const torch::Tensor& x) const {
    const auto in = dropout_ > 0 && is_training() ? torch::dropout(x, dropout_, true) : x;
    return torch::matmul(torch::matmul(in, lora_A.t()), lora_B.t()) * scale_;
}

torch::Tensor LoraAdapterImpl::delta_weight() const {
    return torch::matmul(lora_B, lora_A) * scale_;
}

} // namespace liveml::clip
