#include "clip/lora_settings.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <stdexcept>

namespace liveml::clip {

const std::vector<std::string>& lora_target_names() {
    static const std::vector<std::string> names{"q", "k", "v", "o", "fc1", "fc2", "head", "proj"};
    return names;
}

const std::vector<std::string>& lora_tower_names() {
    static const std::vector<std::string> names{"image", "text"};
    return names;
}

double LoraSettings::scale() const {
    const auto r = static_cast<double>(rank);
    return rslora ? alpha / std::sqrt(r) : alpha / r;
}

void LoraSettings::validate() const {
    // Larger ranks than the layers are wide make no sense, but the layer widths are only known
    // once a model is loaded; attaching checks them.
    if (rank < 1 || rank > 1024) throw std::invalid_argument("--lora-rank must be in 1..1024");
    if (!(alpha > 0) || !std::isfinite(alpha))
        throw std::invalid_argument("--lora-alpha must be finite and > 0");
    if (!(dropout >= 0 && dropout < 1)) throw std::invalid_argument("--lora-dropout must be in [0, 1)");
    const auto check = [](const std::vector<std::string>& given,
                          const std::vector<std::string>& allowed, const char* flag) {
        if (given.empty()) throw std::invalid_argument(std::string(flag) + " names nothing");
        for (const auto& name : given)
            if (std::find(allowed.begin(), allowed.end(), name) == allowed.end())
                throw std::invalid_argument(std::string(flag) + ": unknown name '" + name + "'");
    };
    check(targets, lora_target_names(), "--targets");
    check(towers, lora_tower_names(), "--towers");
}

std::vector<std::string> parse_lora_list(const std::string& text,
                                         const std::vector<std::string>& allowed,
                                         const std::string& flag) {
    std::vector<std::string> names;
    std::stringstream in(text);
    std::string name;
    while (std::getline(in, name, ',')) {
        if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
            std::string list;
            for (const auto& a : allowed)
                list += (list.empty() ? "" : ",") + a;
            throw std::invalid_argument(flag + ": '" + name + "' is not one of " + list);
        }
        if (std::find(names.begin(), names.end(), name) != names.end())
            throw std::invalid_argument(flag + ": '" + name + "' is named twice");
        names.push_back(name);
    }
    if (names.empty()) throw std::invalid_argument(flag + " names nothing");
    return names;
}

} // namespace liveml::clip
