#pragma once
// One long-lived thread per model replica (data-parallel inference): each runs the tasks
// given to it in order, so a replica's forward passes always run on the same thread (its
// OpenMP team and CUDA context are made once, not per batch). Torch-free.
#include <condition_variable>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace liveml::clip {

class ReplicaWorkers {
  public:
    // `cpu_threads[i]` > 0: worker i's OpenMP team size (CPU workers share the cores); 0 leaves
    // LibTorch's setting.
    explicit ReplicaWorkers(const std::vector<int>& cpu_threads);
    ~ReplicaWorkers();
    ReplicaWorkers(const ReplicaWorkers&) = delete;
    ReplicaWorkers& operator=(const ReplicaWorkers&) = delete;

    std::size_t size() const noexcept { return workers_.size(); }
    // Runs task(i) on worker i for every i at once and waits for all; rethrows the first
    // exception (by worker index) after all have finished.
    void run_all(const std::function<void(std::size_t worker)>& task);

  private:
    struct Worker;
    std::vector<std::unique_ptr<Worker>> workers_;
};

} // namespace liveml::clip
