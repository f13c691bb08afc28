#include "clip/replica_workers.hpp"

#include <ATen/Parallel.h>
#include <omp.h>

namespace liveml::clip {

struct ReplicaWorkers::Worker {
    std::mutex mutex;
    std::condition_variable wake;
    std::packaged_task<void()> task;
    bool pending = false, stopping = false;
    std::thread thread;

    explicit Worker(int cpu_threads) : thread([this, cpu_threads] { loop(cpu_threads); }) {}

    ~Worker() {
        {
            const std::lock_guard lock(mutex);
            stopping = true;
        }
        wake.notify_one();
        thread.join();
    }

    std::future<void> submit(std::function<void()> work) {
        std::packaged_task<void()> next(std::move(work));
        auto done = next.get_future();
        {
            const std::lock_guard lock(mutex);
            task = std::move(next);
            pending = true;
        }
        wake.notify_one();
        return done;
    }

    void loop(int cpu_threads) {
        if (cpu_threads > 0) {
            // LibTorch sets a thread's team size at its first parallel op; reading it first
            // makes that happen now, so ours is not overwritten later (see serial_scope.cpp).
            (void)at::get_num_threads();
            omp_set_num_threads(cpu_threads);
        }
        while (true) {
            std::packaged_task<void()> work;
            {
                std::unique_lock lock(mutex);
                wake.wait(lock, [&] { return pending || stopping; });
                if (!pending) return;
                work = std::move(task);
                pending = false;
            }
            work();
        }
    }
};

ReplicaWorkers::ReplicaWorkers(const std::vector<int>& cpu_threads) {
    for (const int threads : cpu_threads)
        workers_.push_back(std::make_unique<Worker>(threads));
}

ReplicaWorkers::~ReplicaWorkers() = default;

void ReplicaWorkers::run_all(const std::function<void(std::size_t)>& task) {
    std::vector<std::future<void>> done;
    for (std::size_t i = 0; i < workers_.size(); ++i)
        done.push_back(workers_[i]->submit([&task, i] { task(i); }));
    std::exception_ptr first;
    for (auto& d : done) {
        try {
            d.get();
        } catch (...) {
            if (!first) first = std::current_exception();
        }
    }
    if (first) std::rethrow_exception(first);
}

} // namespace liveml::clip
