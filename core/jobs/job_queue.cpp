#include "jobs/job_queue.hpp"

#include <algorithm>
#include <set>

namespace liveml::jobs {

void JobQueue::enqueue(const std::string& run_id, const std::string& device) {
    if (is_queued(run_id) || is_running(run_id)) return;
    waiting_.push_back({run_id, device});
}

std::vector<std::string> JobQueue::take_ready() {
    std::set<std::string> busy;
    for (const auto& [run, device] : running_)
        busy.insert(device);
    std::vector<std::string> ready;
    for (auto it = waiting_.begin(); it != waiting_.end();) {
        if (busy.insert(it->device).second) {
            running_[it->run_id] = it->device;
            ready.push_back(it->run_id);
            it = waiting_.erase(it);
        } else {
            ++it;
        }
    }
    return ready;
}

void JobQueue::finished(const std::string& run_id) {
    running_.erase(run_id);
}

bool JobQueue::cancel_queued(const std::string& run_id) {
    const auto it = std::find_if(waiting_.begin(), waiting_.end(),
                                 [&](const Waiting& w) { return w.run_id == run_id; });
    if (it == waiting_.end()) return false;
    waiting_.erase(it);
    return true;
}

bool JobQueue::is_queued(const std::string& run_id) const {
    return std::any_of(waiting_.begin(), waiting_.end(),
                       [&](const Waiting& w) { return w.run_id == run_id; });
}

} // namespace liveml::jobs
