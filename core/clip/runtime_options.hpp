#pragma once
// Where and how wide a CLIP job runs. Torch-free so CLI flags can fill it.
#include <string>

namespace liveml::clip {

struct RuntimeOptions {
    // "auto" (CUDA when LibTorch sees a GPU, else CPU), "cpu", "cuda" or "cuda:N".
    std::string device = "auto";
    // Intra-op CPU threads. LibTorch otherwise runs on one thread on this stack.
    int threads = 2;
};

// Throws std::invalid_argument for a device string that is none of the forms above.
void check_device_spelling(const std::string& device);

} // namespace liveml::clip
