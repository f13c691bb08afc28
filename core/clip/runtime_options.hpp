#pragma once
// Where and how wide a CLIP job runs. Torch-free so CLI flags can fill it.
#include <string>
#include <vector>

namespace liveml::clip {

struct RuntimeOptions {
    // "auto" (CUDA when LibTorch sees a GPU, else CPU), "cpu", "cuda" or "cuda:N".
    std::string device = "auto";
    // Intra-op CPU threads. LibTorch otherwise runs on one thread on this stack.
    int threads = 2;
    // "auto": bf16 autocast while training on a GPU, fp32 everywhere else; "fp32"; "bf16":
    // bf16 autocast for every forward pass, GPU only (LibTorch's CPU autocast leaves batch
    // norm in fp32 and the CNN tower then mixes types).
    std::string precision = "auto";
    // Inference across devices (docs/parallel.md). "data": one model replica per entry of
    // `devices` ("cuda:0,cuda:1", or "cpu,cpu" for CPU workers sharing `threads`), each
    // encoding a contiguous share of every batch. "towers": model parallel, the image tower on
    // the first of two devices and the text tower on the second. Empty: `device` alone.
    std::string devices;
    std::string placement = "data";
};

// The entries of a --devices list (each a device spelling other than auto). Throws
// std::invalid_argument for an empty entry or a misspelt device.
std::vector<std::string> split_devices(const std::string& devices);
// Throws std::invalid_argument for a placement that is not data or towers, or towers without
// exactly two devices.
void check_placement(const std::string& placement, const std::string& devices);

// Throws std::invalid_argument for a device string that is none of the forms above.
void check_device_spelling(const std::string& device);
// Throws std::invalid_argument for a precision that is not auto, fp32 or bf16.
void check_precision_spelling(const std::string& precision);

} // namespace liveml::clip
