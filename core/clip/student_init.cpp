#include "clip/student_init.hpp"

#include <algorithm>
#include <cstdint>
#include <map>

namespace liveml::clip {

std::string teacher_source_name(const std::string& name, std::int64_t teacher_text_layers) {
    if (name == "text_projection.weight" || name == "visual_projection.weight") return name;
    if (!name.starts_with("text_model.")) return {};
    const std::string layers = "text_model.encoder.layers.";
    if (!name.starts_with(layers)) return name;
    const auto dot = name.find('.', layers.size());
    const std::int64_t layer = std::stoll(name.substr(layers.size(), dot - layers.size()));
    const auto source = std::min(2 * layer, teacher_text_layers - 1);
    return layers + std::to_string(source) + name.substr(dot);
}

InheritReport inherit_from_teacher(ClipModelImpl& student, ClipModelImpl& teacher) {
    std::map<std::string, torch::Tensor> source;
    for (auto& item : teacher.named_parameters())
        source.emplace(item.key(), item.value());
    const auto teacher_layers = teacher.config().text.num_hidden_layers;
    InheritReport report;
    torch::NoGradGuard no_grad;
    for (auto& item : student.named_parameters()) {
        auto& param = item.value();
        const auto from = source.find(teacher_source_name(item.key(), teacher_layers));
        if (from == source.end() || from->second.dim() != param.dim()) {
            ++report.skipped;
            continue;
        }
        auto block = from->second;
        bool fits = true;
        for (std::int64_t d = 0; d < param.dim() && fits; ++d) {
            fits = param.size(d) <= block.size(d);
            if (fits) block = block.narrow(d, 0, param.size(d));
        }
        if (!fits) {
            ++report.skipped;
            continue;
        }
        ++(param.sizes() == from->second.sizes() ? report.copied : report.sliced);
        param.copy_(block.to(param.device()));
    }
    return report;
}

} // namespace liveml::clip
