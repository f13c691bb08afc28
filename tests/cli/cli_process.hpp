#pragma once
// Runs a program (the real `liveml` binary, or python) the way a user's shell would, and
// captures what it printed and how it ended. Every run is bounded by a timeout.
#include <chrono>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "temp_dir.hpp"

namespace liveml::cli::test {

struct ProcessResult {
    int exit_code = -1; // from exit(); -1 when killed by a signal
    int signal = 0;     // the signal that killed it, or 0
    bool timed_out = false;
    long max_rss_kb = 0; // the child's peak resident memory
    std::string out;
    std::string err;
};

using EnvVars = std::vector<std::pair<std::string, std::string>>;

// Starts `program args…` with the current environment plus `env` (overriding), feeds it
// nothing on stdin, sends it SIGINT after `interrupt_after` (if not zero), and kills it after
// `timeout`.
ProcessResult run_process(const std::string& program, const std::vector<std::string>& args,
                          const EnvVars& env = {},
                          std::chrono::milliseconds timeout = std::chrono::seconds(60),
                          std::chrono::milliseconds interrupt_after = {});

// run_process on the `liveml` binary under test.
ProcessResult run_liveml(const std::vector<std::string>& args, const EnvVars& env = {});

using liveml::testing::TempDir;

} // namespace liveml::cli::test
