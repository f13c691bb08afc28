#pragma once
// Symmetric InfoNCE with several positives per row. Torch header.
#include <torch/torch.h>

namespace liveml::clip {

// logits: [I,T] scaled similarities of image i and text t; image_groups [I] and text_groups
// [T] int64. Every (image, text) pair of the same group is a positive, with each row's target
// mass split evenly among its positives (a soft target), so two images of one class are not
// pushed apart and a caption shared by several images is encoded once. With one distinct
// group per pair (I = T) this is CLIP's loss exactly. Every group must occur on both sides.
inline torch::Tensor contrastive_loss(const torch::Tensor& logits,
                                      const torch::Tensor& image_groups,
                                      const torch::Tensor& text_groups) {
    const auto same =
        image_groups.unsqueeze(1).eq(text_groups.unsqueeze(0)).to(logits.scalar_type());
    const auto image_targets = same / same.sum(1, true);
    const auto text_targets = same.t() / same.t().sum(1, true);
    const auto image_to_text = -(image_targets * torch::log_softmax(logits, 1)).sum(1).mean();
    const auto text_to_image = -(text_targets * torch::log_softmax(logits.t(), 1)).sum(1).mean();
    return (image_to_text + text_to_image) / 2;
}

} // namespace liveml::clip
