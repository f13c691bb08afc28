#include "clip/distill_options.hpp"

namespace liveml::clip {

const char* distill_loss_name(DistillLoss loss) {
    switch (loss) {
    case DistillLoss::Seed:
        return "seed";
    case DistillLoss::ClipKd:
        return "clipkd";
    case DistillLoss::Affinity:
        return "affinity";
    }
    return "?";
}

std::optional<DistillLoss> parse_distill_loss(const std::string& name) {
    for (const auto loss : {DistillLoss::Seed, DistillLoss::ClipKd, DistillLoss::Affinity})
        if (name == distill_loss_name(loss)) return loss;
    return std::nullopt;
}

} // namespace liveml::clip
