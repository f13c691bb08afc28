#include "jobs/host_probe.hpp"

#include <charconv>
#include <sstream>

namespace liveml::jobs {

namespace {

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r");
    if (first == std::string::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t\r") - first + 1);
}

} // namespace

bool help_lists_subcommand(const std::string& help, const std::string& job) {
    std::istringstream lines(help);
    bool in_list = false;
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("Subcommands:", 0) == 0) {
            in_list = true;
            continue;
        }
        if (!in_list) continue;
        if (line.empty() || line[0] != ' ') {
            in_list = false;
            continue;
        }
        std::istringstream words(line);
        std::string name;
        if (words >> name && name == job) return true;
    }
    return false;
}

std::vector<GpuInfo> parse_gpu_list(const std::string& csv) {
    std::vector<GpuInfo> gpus;
    std::istringstream lines(csv);
    for (std::string line; std::getline(lines, line);) {
        const auto first = line.find(',');
        const auto last = line.rfind(',');
        if (first == std::string::npos || last == first) continue;
        const std::string index = trimmed(line.substr(0, first));
        const std::string memory = trimmed(line.substr(last + 1));
        GpuInfo gpu;
        gpu.name = trimmed(line.substr(first + 1, last - first - 1));
        const auto i = std::from_chars(index.data(), index.data() + index.size(), gpu.index);
        const auto m =
            std::from_chars(memory.data(), memory.data() + memory.size(), gpu.memory_mib);
        if (i.ec != std::errc() || i.ptr != index.data() + index.size() || m.ec != std::errc() ||
            gpu.name.empty())
            continue;
        gpus.push_back(gpu);
    }
    return gpus;
}

} // namespace liveml::jobs
