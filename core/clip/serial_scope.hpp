#pragma once
// Keeps small forward passes on the calling thread. Every LibTorch op with a parallel loop
// wakes the OpenMP team: microseconds on an idle machine, but whole scheduler slices when the
// cores are busy (on the shared 2-core VM a batch-1 text forward of the small model took 28 ms
// with 2 threads against 2 ms with 1). Work that small gains nothing from a second thread.
// Torch-free.

namespace liveml::clip {

class SerialScope {
  public:
    // `multiply_adds`: the work the scope will do. Below the threshold, LibTorch (and oneDNN)
    // see one OpenMP thread on this thread until the scope ends.
    explicit SerialScope(double multiply_adds);
    ~SerialScope();
    SerialScope(const SerialScope&) = delete;
    SerialScope& operator=(const SerialScope&) = delete;

  private:
    int saved_threads_ = 0; // 0: nothing changed
};

} // namespace liveml::clip
