#include "bounded_wait.hpp"

#include <thread>

namespace liveml::testing {

bool wait_until(const std::function<bool()>& pred, std::chrono::milliseconds timeout,
                std::chrono::milliseconds poll) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!pred()) {
        if (std::chrono::steady_clock::now() >= deadline) return pred();
        std::this_thread::sleep_for(poll);
    }
    return true;
}

} // namespace liveml::testing
