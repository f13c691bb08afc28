#include "clip/distill_loss.hpp"

#include "clip/contrastive_loss.hpp"

#include <stdexcept>

namespace liveml::clip {

torch::Tensor softened_kl(const torch::Tensor& target_logits, const torch::Tensor& logits,
                          double temperature) {
    const auto log_p = torch::log_softmax(target_logits / temperature, 1);
    const auto log_q = torch::log_softmax(logits / temperature, 1);
    return (log_p.exp() * (log_p - log_q)).sum(1).mean() * (temperature * temperature);
}

torch::Tensor similarity_kl(const torch::Tensor& teacher_logits,
                            const torch::Tensor& student_logits, double temperature) {
    return (softened_kl(teacher_logits, student_logits, temperature) +
            softened_kl(teacher_logits.t(), student_logits.t(), temperature)) /
           2;
}

torch::Tensor feature_mse(const torch::Tensor& student, const torch::Tensor& teacher) {
    if (student.sizes() != teacher.sizes())
        throw std::invalid_argument("feature distillation needs embeddings of one size");
    const auto s = student / student.norm(2, -1, true);
    const auto t = teacher / teacher.norm(2, -1, true);
    return (s - t).pow(2).mean();
}

std::vector<std::pair<std::string, torch::Tensor>>
distill_terms(DistillLoss loss, const DistillBatch& b, double alpha, double temperature) {
    const auto student_logits =
        b.student_scale * torch::matmul(b.student_images, b.student_texts.t());
    const auto teacher_logits =
        b.teacher_scale * torch::matmul(b.teacher_images, b.teacher_texts.t());
    const auto kd = similarity_kl(teacher_logits, student_logits, temperature);
    const auto ce = contrastive_loss(student_logits, b.image_groups, b.text_groups);
    switch (loss) {
    case DistillLoss::Seed:
        return {{"kd", kd}, {"ce", alpha * ce}};
    case DistillLoss::Affinity:
        return {{"affinity", kd}};
    case DistillLoss::ClipKd:
        break;
    }
    const auto fd = kFeatureWeight * (feature_mse(b.student_images, b.teacher_images) +
                                      feature_mse(b.student_texts, b.teacher_texts));
    // Student images against teacher texts and teacher images against student texts, each
    // with the student's temperature: the student aligns with the teacher's embedding space.
    const auto icl =
        (contrastive_loss(b.student_scale * torch::matmul(b.student_images, b.teacher_texts.t()),
                          b.image_groups, b.text_groups) +
         contrastive_loss(b.student_scale * torch::matmul(b.teacher_images, b.student_texts.t()),
                          b.image_groups, b.text_groups)) /
        2;
    return {{"fd", fd}, {"icl", icl}, {"kd", kd}, {"ce", alpha * ce}};
}

} // namespace liveml::clip
