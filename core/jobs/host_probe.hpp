#pragma once
// What the studio learns by asking programs on this machine: which jobs `liveml clip` offers
// and which GPUs the NVIDIA driver reports.
#include <string>
#include <vector>

namespace liveml::jobs {

// `liveml clip --help` lists its subcommands under "Subcommands:"; true when `job` is one.
// (`liveml clip NAME --help` succeeds even for a missing NAME: CLI11 prints the parent's help.)
bool help_lists_subcommand(const std::string& help, const std::string& job);

struct GpuInfo {
    int index = 0;
    std::string name;
    double memory_mib = 0;
};
// Lines of `nvidia-smi --query-gpu=index,name,memory.total --format=csv,noheader,nounits`
// ("0, NVIDIA H200, 143771"); lines that do not parse are left out.
std::vector<GpuInfo> parse_gpu_list(const std::string& csv);

} // namespace liveml::jobs
