#include "clip/clip_runtime.hpp"

#include <charconv>
#include <stdexcept>

namespace liveml::clip {
namespace {

// Parses "cuda" / "cuda:N"; returns -1 for the current device.
int cuda_index(const std::string& device) {
    if (device == "cuda") return -1;
    const std::string prefix = "cuda:";
    const auto bad = [&] {
        return std::invalid_argument("unknown device '" + device +
                                     "' (use auto, cpu, cuda or cuda:N)");
    };
    if (!device.starts_with(prefix) || device.size() == prefix.size()) throw bad();
    int index = -1;
    const char* end = device.data() + device.size();
    const auto [ptr, ec] = std::from_chars(device.data() + prefix.size(), end, index);
    if (ec != std::errc{} || ptr != end || index < 0) throw bad();
    return index;
}

} // namespace

torch::Device pick_device(const std::string& device) {
    if (device == "cpu") return torch::kCPU;
    const bool have_cuda = torch::cuda::is_available();
    if (device == "auto") return have_cuda ? torch::Device(torch::kCUDA, 0) : torch::kCPU;
    const int index = cuda_index(device);
    if (!have_cuda)
        throw std::runtime_error("device '" + device +
                                 "' was requested but no CUDA GPU is usable by this build");
    const auto count = static_cast<int>(torch::cuda::device_count());
    if (index >= count)
        throw std::runtime_error("device '" + device + "' does not exist (" +
                                 std::to_string(count) + " GPU(s) present)");
    return torch::Device(torch::kCUDA, static_cast<c10::DeviceIndex>(index < 0 ? 0 : index));
}

void check_device_spelling(const std::string& device) {
    if (device != "auto" && device != "cpu") cuda_index(device);
}

std::vector<std::string> split_devices(const std::string& devices) {
    std::vector<std::string> out;
    std::size_t begin = 0;
    while (begin <= devices.size()) {
        const auto comma = std::min(devices.find(',', begin), devices.size());
        auto entry = devices.substr(begin, comma - begin);
        if (entry.empty() || entry == "auto")
            throw std::invalid_argument("--devices '" + devices +
                                        "': list devices as cpu or cuda:N, comma-separated");
        check_device_spelling(entry);
        out.push_back(std::move(entry));
        begin = comma + 1;
    }
    return out;
}

void check_placement(const std::string& placement, const std::string& devices) {
    if (placement != "data" && placement != "towers")
        throw std::invalid_argument("unknown placement '" + placement + "' (use data or towers)");
    if (placement == "towers" && (devices.empty() || split_devices(devices).size() != 2))
        throw std::invalid_argument(
            "--placement towers needs --devices IMAGE_DEVICE,TEXT_DEVICE (two entries)");
}

void check_precision_spelling(const std::string& precision) {
    if (precision != "auto" && precision != "fp32" && precision != "bf16")
        throw std::invalid_argument("unknown precision '" + precision +
                                    "' (use auto, fp32 or bf16)");
}

bool bf16_autocast(const RuntimeOptions& options, const torch::Device& device, bool training) {
    if (options.precision == "auto") return training && device.is_cuda();
    return options.precision == "bf16";
}

torch::Device apply_runtime(const RuntimeOptions& options) {
    check_device_spelling(options.device);
    check_precision_spelling(options.precision);
    if (options.threads > 0) torch::set_num_threads(options.threads);
    const auto device = pick_device(options.device);
    if (options.precision == "bf16" && !device.is_cuda())
        throw std::runtime_error("--precision bf16 needs a GPU; the job would run on " +
                                 device.str());
    return device;
}

std::string device_text(const torch::Device& device) {
    return device.str();
}

} // namespace liveml::clip
