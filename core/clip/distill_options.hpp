#pragma once
// What `liveml clip distill` adds to a training run: the teacher, the student's shape and the
// loss recipe (docs/clip.md, "Distillation"). Torch-free so the CLI and the checkpoint state
// can hold it.
#include <filesystem>
#include <optional>
#include <string>

namespace liveml::clip {

// seed: T²·KL(teacher‖student) of the softened similarity distributions + α·task CE (the
// original design, its KL direction corrected); clipkd: CLIP-KD's feature MSE + interactive
// contrastive + logit KL + α·task CE; affinity: TinyCLIP's image→text and text→image affinity
// KL alone.
enum class DistillLoss { Seed, ClipKd, Affinity };

const char* distill_loss_name(DistillLoss loss);
// nullopt for a name that is none of seed, clipkd, affinity.
std::optional<DistillLoss> parse_distill_loss(const std::string& name);

struct DistillOptions {
    std::filesystem::path teacher;
    // "small" (the default architecture for the data), "light" (ResNet-18 + 6-layer text
    // Transformer) or a config.json to build the student from.
    std::string student = "small";
    DistillLoss loss = DistillLoss::ClipKd;
    double alpha = 1.0;       // weight of the task (contrastive) CE
    double temperature = 1.0; // softens both similarity distributions of the logit KL
    bool init_from_teacher = false;
    // Where teacher outputs are cached, one file per teacher fingerprint and data.
    std::filesystem::path cache_dir;
    // Training items held out (the split's last ones, at most a fifth of them) for the
    // per-epoch validation zero-shot.
    std::size_t validation_items = 2000;
};

} // namespace liveml::clip
