#pragma once
// Where and how wide a CLIP job runs. Torch-free so CLI flags can fill it.
#include <string>

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
};

// Throws std::invalid_argument for a device string that is none of the forms above.
void check_device_spelling(const std::string& device);
// Throws std::invalid_argument for a precision that is not auto, fp32 or bf16.
void check_precision_spelling(const std::string& precision);

} // namespace liveml::clip
