#pragma once
// The terms of the distillation losses (distill_options.hpp) on L2-normalised embeddings of
// one batch. Torch header: include only from .cpp files and tests.
#include "clip/distill_options.hpp"

#include <torch/torch.h>

#include <string>
#include <utility>
#include <vector>

namespace liveml::clip {

// T² · KL(softmax(target/T) ‖ softmax(logits/T)) per row, mean over rows (Hinton et al.: the
// T² keeps gradient sizes comparable across temperatures). KL(a‖b) with a = the first argument.
torch::Tensor softened_kl(const torch::Tensor& target_logits, const torch::Tensor& logits,
                          double temperature);

// Both directions of an [images, texts] similarity matrix — rows (image→text) and columns
// (text→image) — averaged: CLIP-KD's relation KL and TinyCLIP's affinity mimicking.
torch::Tensor similarity_kl(const torch::Tensor& teacher_logits,
                            const torch::Tensor& student_logits, double temperature);

// Mean squared difference of the L2-normalised rows, element-wise (CLIP-KD's feature loss).
torch::Tensor feature_mse(const torch::Tensor& student, const torch::Tensor& teacher);

struct DistillBatch {
    // L2-normalised embeddings; images [B, D], texts [U, D] (one row per distinct caption).
    torch::Tensor student_images, student_texts, teacher_images, teacher_texts;
    torch::Tensor student_scale; // exp(logit_scale), a scalar with gradient
    double teacher_scale = 1;
    torch::Tensor image_groups, text_groups; // positives of contrastive_loss
};

// CLIP-KD's published weights (Yang et al., CVPR 2024): λ_FD = 2000 on the element-wise MSE,
// λ_ICL = λ_CRD = 1.
inline constexpr double kFeatureWeight = 2000.0;

// The weighted terms of `loss` by name ("kd", "ce", "fd", "icl", "affinity"), each already
// multiplied by its weight, so the loss is their sum.
std::vector<std::pair<std::string, torch::Tensor>>
distill_terms(DistillLoss loss, const DistillBatch& batch, double alpha, double temperature);

} // namespace liveml::clip
