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

void check_device_spelling(const std::string& device) {
    if (device != "auto" && device != "cpu") cuda_index(device);
}

torch::Device apply_runtime(const RuntimeOptions& options) {
    check_device_spelling(options.device);
    if (options.threads > 0) torch::set_num_threads(options.threads);
    if (options.device == "cpu") return torch::kCPU;
    const bool have_cuda = torch::cuda::is_available();
    if (options.device == "auto") return have_cuda ? torch::Device(torch::kCUDA, 0) : torch::kCPU;
    const int index = cuda_index(options.device);
    if (!have_cuda)
        throw std::runtime_error("device '" + options.device +
                                 "' was requested but no CUDA GPU is usable by this build");
    const auto count = static_cast<int>(torch::cuda::device_count());
    if (index >= count)
        throw std::runtime_error("device '" + options.device + "' does not exist (" +
                                 std::to_string(count) + " GPU(s) present)");
    return torch::Device(torch::kCUDA, static_cast<c10::DeviceIndex>(index < 0 ? 0 : index));
}

std::string device_text(const torch::Device& device) {
    return device.str();
}

} // namespace liveml::clip
