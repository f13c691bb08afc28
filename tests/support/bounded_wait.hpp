#pragma once
#include <chrono>
#include <functional>

namespace liveml::testing {

// Polls pred every `poll` until it holds or `timeout` has passed; returns its last value, so
// a test asserts on it and never waits without bound.
bool wait_until(const std::function<bool()>& pred, std::chrono::milliseconds timeout,
                std::chrono::milliseconds poll = std::chrono::milliseconds(50));

} // namespace liveml::testing
