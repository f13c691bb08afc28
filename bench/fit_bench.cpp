// `liveml fit` end to end against scikit-learn's per-sample loop, measured in one run on one
// stream, plus the start-up of `liveml --help`.
//
// sgd_sklearn_bench.py builds the stream (the digits in RandomState(seed).permutation order)
// and times scikit-learn's predict + partial_fit per sample on its first --sklearn-limit rows;
// this program repeats that permutation to --records rows (the script's np.tile), writes them
// as the stream's JSON lines, and times whole `liveml fit` processes on the file: fork to
// exit, so process start, reading, decoding, training and writing the model all count. Peak
// memory is the child's ru_maxrss.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

#include "common/data_paths.hpp"
#include "common/file_bytes.hpp"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

struct Options {
    int seed = 0;
    long records = 359400; // 200 passes over the 1,797 digits
    int sklearn_limit = 1000;
    int runs = 3;
    int help_runs = 20;
};

struct Run {
    double seconds = 0;
    double cpu_seconds = 0; // user + system: on a shared machine it moves less than wall time
    long max_rss_kb = 0;
    int exit_code = -1;
};

[[noreturn]] void usage(const char* argv0) {
    std::fprintf(stderr,
                 "usage: %s [--seed S] [--records N] [--sklearn-limit N] [--runs N] "
                 "[--help-runs N]\n",
                 argv0);
    std::exit(2);
}

Options parse_options(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string flag = argv[i];
        if (i + 1 >= argc) usage(argv[0]);
        const std::string value = argv[++i];
        try {
            if (flag == "--seed")
                o.seed = std::stoi(value);
            else if (flag == "--records")
                o.records = std::stol(value);
            else if (flag == "--sklearn-limit")
                o.sklearn_limit = std::stoi(value);
            else if (flag == "--runs")
                o.runs = std::stoi(value);
            else if (flag == "--help-runs")
                o.help_runs = std::stoi(value);
            else
                usage(argv[0]);
        } catch (const std::exception&) {
            usage(argv[0]);
        }
    }
    if (o.records < 1 || o.sklearn_limit < 1 || o.runs < 1 || o.help_runs < 1) usage(argv[0]);
    return o;
}

std::string run_capture(const std::string& cmd) {
    FILE* pipe = ::popen(cmd.c_str(), "r");
    if (!pipe) throw std::runtime_error("cannot start: " + cmd);
    std::string out;
    char buf[4096];
    while (const std::size_t n = std::fread(buf, 1, sizeof buf, pipe))
        out.append(buf, n);
    if (::pclose(pipe) != 0) throw std::runtime_error("scikit-learn side failed: " + cmd);
    return out;
}

// Runs `args` with stdout and stderr sent to /dev/null; wall time from fork to reaping.
Run run_child(const std::vector<std::string>& args) {
    std::vector<char*> argv;
    for (const auto& a : args)
        argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    const auto start = Clock::now();
    const pid_t pid = ::fork();
    if (pid == 0) {
        std::freopen("/dev/null", "w", stdout);
        std::freopen("/dev/null", "w", stderr);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    int status = 0;
    rusage usage{};
    ::wait4(pid, &status, 0, &usage);
    Run run;
    run.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    run.max_rss_kb = usage.ru_maxrss;
    const auto secs = [](const timeval& t) {
        return static_cast<double>(t.tv_sec) + t.tv_usec * 1e-6;
    };
    run.cpu_seconds = secs(usage.ru_utime) + secs(usage.ru_stime);
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

Run median_run(std::vector<Run> runs) {
    std::sort(runs.begin(), runs.end(),
              [](const Run& a, const Run& b) { return a.seconds < b.seconds; });
    Run mid = runs[runs.size() / 2];
    for (const auto& r : runs)
        mid.max_rss_kb = std::max(mid.max_rss_kb, r.max_rss_kb);
    return mid;
}

// The script's stream file: int64 n, d; float64 X[n*d]; int64 y[n].
void write_json_lines(const fs::path& stream_file, const fs::path& out, long records) {
    const std::string bytes = liveml::read_file_bytes(stream_file, std::size_t{1} << 30);
    std::int64_t shape[2];
    std::memcpy(shape, bytes.data(), sizeof shape);
    const auto n = static_cast<std::size_t>(shape[0]);
    const auto d = static_cast<std::size_t>(shape[1]);
    if (bytes.size() != sizeof shape + n * d * 8 + n * 8 || d != 64)
        throw std::runtime_error("stream file has the wrong size");
    std::vector<std::string> lines(n);
    for (std::size_t i = 0; i < n; ++i) {
        std::string& line = lines[i];
        line = R"({"ts":"2020-01-01 01:01:01","x":[)";
        for (std::size_t j = 0; j < d; ++j) {
            double v = 0;
            std::memcpy(&v, bytes.data() + sizeof shape + (i * d + j) * 8, 8);
            line += (j ? "," : "") + std::to_string(static_cast<int>(v));
        }
        std::int64_t y = 0;
        std::memcpy(&y, bytes.data() + sizeof shape + n * d * 8 + i * 8, 8);
        line += R"(],"actual_y":)" + std::to_string(y) + "}\n";
    }
    std::ofstream file(out, std::ios::binary);
    for (long r = 0; r < records; ++r)
        file << lines[static_cast<std::size_t>(r) % n];
    if (!file) throw std::runtime_error("cannot write " + out.string());
}

} // namespace

int main(int argc, char** argv) try {
    const Options o = parse_options(argc, argv);
    const fs::path dir =
        fs::temp_directory_path() / ("liveml-fit-bench-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const fs::path stream_file = dir / "stream.bin";
    const fs::path records_file = dir / "records.jsonl";

    // Start-up first, before the machine is busy with the rest.
    std::vector<Run> help;
    for (int i = 0; i < o.help_runs; ++i)
        help.push_back(run_child({LIVEML_CLI_PATH, "--help"}));
    const Run help_mid = median_run(help);

    const std::string cmd = std::string("'") + LIVEML_PYTHON + "' '" + LIVEML_BENCH_DIR +
                            "/sgd_sklearn_bench.py' --data '" +
                            liveml::data_file("digits.csv.gz").string() + "' --stream-out '" +
                            stream_file.string() + "' --seed " + std::to_string(o.seed) +
                            " --passes 1 --limit " + std::to_string(o.sklearn_limit);
    std::printf("scikit-learn side: %s\n", cmd.c_str());
    std::fflush(stdout);
    const nlohmann::json sk = nlohmann::json::parse(run_capture(cmd));
    write_json_lines(stream_file, records_file, o.records);

    std::vector<Run> fits;
    for (int i = 0; i < o.runs; ++i) {
        fits.push_back(run_child({LIVEML_CLI_PATH, "fit", "-i", records_file.string(), "-o",
                                  (dir / "model.lvm").string()}));
        if (fits.back().exit_code != 0) throw std::runtime_error("liveml fit failed");
    }
    const Run fit = median_run(fits);
    const double file_mb = static_cast<double>(fs::file_size(records_file)) / 1e6;
    fs::remove_all(dir);

    const nlohmann::json& one = sk.at("per_sample");
    const double sk_rate = one.at("samples").get<double>() / one.at("seconds").get<double>();
    const double sk_cpu_rate =
        one.at("samples").get<double>() / one.at("cpu_seconds").get<double>();
    const double our_rate = static_cast<double>(o.records) / fit.seconds;
    const double our_cpu_rate = static_cast<double>(o.records) / fit.cpu_seconds;
    std::printf("\nliveml --help (%d runs): median %.1f ms wall, peak RSS %.1f MB\n", o.help_runs,
                help_mid.seconds * 1e3, static_cast<double>(help_mid.max_rss_kb) / 1024);
    std::printf("liveml fit, %ld JSON-lines records (%.0f MB), end to end (%d runs, median): "
                "%.3f s wall, %.3f s CPU, peak RSS %.1f MB\n",
                o.records, file_mb, o.runs, fit.seconds, fit.cpu_seconds,
                static_cast<double>(fit.max_rss_kb) / 1024);
    std::printf("%-48s %14s %16s %9s\n", "", "liveml fit",
                ("scikit-learn " + sk.at("sklearn_version").get<std::string>()).c_str(), "ratio");
    std::printf("%-48s %12.0f/s %14.1f/s %8.0fx\n",
                "samples/s, predict + partial_fit per sample (wall)", our_rate, sk_rate,
                our_rate / sk_rate);
    std::printf("%-48s %12.0f/s %14.1f/s %8.0fx\n",
                "samples/s, predict + partial_fit per sample (CPU)", our_cpu_rate, sk_cpu_rate,
                our_cpu_rate / sk_cpu_rate);
    return 0;
} catch (const std::exception& e) {
    std::fprintf(stderr, "fit_bench: %s\n", e.what());
    return 1;
}
