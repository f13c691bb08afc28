#include "reference_run.hpp"

#include <bit>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <string>

#include "common/data_paths.hpp"
#include "common/file_bytes.hpp"

namespace liveml::online::testing {

namespace {

static_assert(std::endian::native == std::endian::little,
              "the reference files are little-endian; add byte swapping for this platform");

class Cursor {
  public:
    explicit Cursor(std::string bytes) : bytes_(std::move(bytes)) {}

    template <typename T> std::vector<T> take(std::size_t count) {
        if (count > (bytes_.size() - pos_) / sizeof(T))
            throw std::runtime_error("reference file ends early at byte " + std::to_string(pos_));
        std::vector<T> out(count);
        std::memcpy(out.data(), bytes_.data() + pos_, count * sizeof(T));
        pos_ += count * sizeof(T);
        return out;
    }
    std::int64_t i64() { return take<std::int64_t>(1)[0]; }
    bool at_end() const { return pos_ == bytes_.size(); }

  private:
    std::string bytes_;
    std::size_t pos_ = 0;
};

template <typename To, typename From> std::vector<To> convert(const std::vector<From>& in) {
    return std::vector<To>(in.begin(), in.end());
}

} // namespace

ReferenceRun read_reference_run(const std::filesystem::path& path) {
    Cursor in(read_file_bytes(path, std::size_t{1} << 30));
    const auto header = in.take<std::int64_t>(7);
    ReferenceRun run;
    run.rows = static_cast<std::size_t>(header[0]);
    run.n_features = static_cast<std::size_t>(header[1]);
    const auto n_eval = static_cast<std::size_t>(header[2]);
    const auto n_stream = static_cast<std::size_t>(header[3]);
    const auto n_checkpoints = static_cast<std::size_t>(header[4]);
    const bool has_proba = header[5] != 0;
    const auto n_classes = static_cast<std::size_t>(header[6]);

    run.X = in.take<double>(n_eval * run.n_features);
    run.y = convert<int>(in.take<std::int64_t>(n_eval));
    run.stream = convert<std::size_t>(in.take<std::int64_t>(n_stream));
    run.classes = convert<int>(in.take<std::int64_t>(n_classes));
    for (std::size_t c = 0; c < n_checkpoints; ++c) {
        Checkpoint cp;
        cp.samples_seen = in.i64();
        cp.t = in.take<double>(1)[0];
        cp.coef = in.take<double>(run.rows * run.n_features);
        cp.intercept = in.take<double>(run.rows);
        cp.predict = in.take<std::int64_t>(n_eval);
        if (has_proba) cp.proba = in.take<double>(n_eval * n_classes);
        run.checkpoints.push_back(std::move(cp));
    }
    if (!in.at_end()) throw std::runtime_error(path.string() + ": unexpected trailing bytes");
    for (const std::size_t i : run.stream)
        if (i >= n_eval) throw std::runtime_error(path.string() + ": stream index out of range");
    return run;
}

int run_reference_script(const std::filesystem::path& out_dir, const std::string& script,
                         const std::string& runs_json) {
    std::filesystem::create_directories(out_dir);
    const std::filesystem::path spec = out_dir / "runs.json";
    std::ofstream(spec) << runs_json;
    const std::string cmd = std::string("'") + LIVEML_PYTHON + "' '" + LIVEML_TEST_SOURCE_DIR +
                            "/online/" + script + "' --data '" +
                            liveml::data_file("digits.csv.gz").string() + "' --spec '" +
                            spec.string() + "' --out '" + out_dir.string() + "'";
    return std::system(cmd.c_str());
}

} // namespace liveml::online::testing
