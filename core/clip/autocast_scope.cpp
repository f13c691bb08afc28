#include "clip/autocast_scope.hpp"

#include <ATen/autocast_mode.h>
#include <torch/version.h>

namespace liveml::clip {
namespace {

// LibTorch 2.4 replaced the per-backend calls (set_enabled, set_autocast_gpu_dtype, …) with
// ones taking the device type; Debian's 1.13 has only the old ones.
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
bool enabled(c10::DeviceType t) { return at::autocast::is_autocast_enabled(t); }
void set_enabled(c10::DeviceType t, bool on) { at::autocast::set_autocast_enabled(t, on); }
at::ScalarType dtype(c10::DeviceType t) { return at::autocast::get_autocast_dtype(t); }
void set_dtype(c10::DeviceType t, at::ScalarType d) { at::autocast::set_autocast_dtype(t, d); }
#else
bool enabled(c10::DeviceType t) {
    return t == c10::kCUDA ? at::autocast::is_enabled() : at::autocast::is_cpu_enabled();
}
void set_enabled(c10::DeviceType t, bool on) {
    t == c10::kCUDA ? at::autocast::set_enabled(on) : at::autocast::set_cpu_enabled(on);
}
at::ScalarType dtype(c10::DeviceType t) {
    return t == c10::kCUDA ? at::autocast::get_autocast_gpu_dtype()
                           : at::autocast::get_autocast_cpu_dtype();
}
void set_dtype(c10::DeviceType t, at::ScalarType d) {
    t == c10::kCUDA ? at::autocast::set_autocast_gpu_dtype(d)
                    : at::autocast::set_autocast_cpu_dtype(d);
}
#endif

} // namespace

AutocastScope::AutocastScope(const torch::Device& device, bool on)
    : type_(device.is_cuda() ? c10::kCUDA : c10::kCPU), on_(on) {
    if (!on_) return;
    was_enabled_ = enabled(type_);
    was_dtype_ = dtype(type_);
    set_dtype(type_, at::kBFloat16);
    set_enabled(type_, true);
}

AutocastScope::~AutocastScope() {
    if (!on_) return;
    set_enabled(type_, was_enabled_);
    set_dtype(type_, was_dtype_);
    // Cached bf16 copies of the weights belong to this scope's forward passes.
    if (!was_enabled_) at::autocast::clear_cache();
}

} // namespace liveml::clip
