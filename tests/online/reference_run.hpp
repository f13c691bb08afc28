#pragma once
// Reads the files tests/online/sgd_reference.py writes (layout in its docstring).
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace liveml::online::testing {

struct Checkpoint {
    std::int64_t samples_seen = 0;
    double t = 0.0;
    std::vector<double> coef; // rows × n_features
    std::vector<double> intercept;
    std::vector<std::int64_t> predict; // one per row of X
    std::vector<double> proba;         // n_eval × n_classes, empty for hinge
};

struct ReferenceRun {
    std::size_t rows = 0;
    std::size_t n_features = 0;
    std::vector<double> X; // n_eval × n_features
    std::vector<int> y;
    std::vector<std::size_t> stream; // indices into X in training order
    std::vector<int> classes;
    std::vector<Checkpoint> checkpoints;

    std::size_t n_eval() const { return y.size(); }
};

// Writes `runs_json` (a JSON array of run specs) to out_dir/runs.json and runs
// tests/online/<script> on it with the bundled digits, in ONE Python process for every run
// (importing scikit-learn once saves seconds). Returns std::system's status.
int run_reference_script(const std::filesystem::path& out_dir, const std::string& script,
                         const std::string& runs_json);

// Throws std::runtime_error when the file is missing, short or inconsistent.
ReferenceRun read_reference_run(const std::filesystem::path& path);

} // namespace liveml::online::testing
