#pragma once
// The order runs start in: first come, first served, one running job per device, so two
// trainings never fight over a GPU's memory (or the CPU's two cores).
#include <deque>
#include <map>
#include <string>
#include <vector>

namespace liveml::jobs {

class JobQueue {
  public:
    void enqueue(const std::string& run_id, const std::string& device);
    // The queued runs whose device is idle, oldest first, now counted as running.
    std::vector<std::string> take_ready();
    // A running run ended: its device is free for the next.
    void finished(const std::string& run_id);
    // Drops a run that has not started; false when it is not queued.
    bool cancel_queued(const std::string& run_id);

    bool is_queued(const std::string& run_id) const;
    bool is_running(const std::string& run_id) const { return running_.contains(run_id); }
    std::size_t queued() const { return waiting_.size(); }

  private:
    struct Waiting {
        std::string run_id;
        std::string device;
    };
    std::deque<Waiting> waiting_;
    std::map<std::string, std::string> running_; // run id → device
};

} // namespace liveml::jobs
