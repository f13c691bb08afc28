#include "clip/serial_scope.hpp"

#include <ATen/Parallel.h>
#include <omp.h>

namespace liveml::clip {
namespace {

// ~5 ms on one core of the build VM: below it, waking a second thread costs more than it saves.
constexpr double kSerialBelowMultiplyAdds = 2e7;

} // namespace

// at::get_num_threads first: LibTorch sets each thread's OpenMP team size lazily, at its first
// parallel op, and that would undo a change made before it. omp_set_num_threads then changes
// only this thread's setting and costs nothing, whereas torch::set_num_threads also rebuilds
// LibTorch's pthreadpool; LibTorch's OpenMP build reads the OpenMP setting for its parallel
// loops, and so does oneDNN.
SerialScope::SerialScope(double multiply_adds) {
    if (multiply_adds >= kSerialBelowMultiplyAdds) return;
    const int threads = at::get_num_threads();
    if (threads == 1) return;
    saved_threads_ = threads;
    omp_set_num_threads(1);
}

SerialScope::~SerialScope() {
    if (saved_threads_ > 0) omp_set_num_threads(saved_threads_);
}

} // namespace liveml::clip
