// Every online learner on the digits stream in one run: records/s for predict + partial_fit
// per record, prequential accuracy, log loss, Brier score and calibration error, and the heap
// a model holds; scikit-learn's equivalents (learners_sklearn_bench.py) timed on the same
// stream beside ours.
#include <malloc.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <new>
#include <nlohmann/json.hpp>
#include <string>
#include <unistd.h>
#include <vector>

#include "common/data_paths.hpp"
#include "digits_stream.hpp"
#include "online/learner_registry.hpp"
#include "online/prequential_metrics.hpp"

namespace fs = std::filesystem;
using liveml::bench::Stream;
using liveml::online::OnlineClassifier;
using Clock = std::chrono::steady_clock;

// Live heap bytes, for the memory a model holds.
namespace {
std::atomic<long long> g_live_bytes{0};
}
void* operator new(std::size_t n) {
    void* p = std::malloc(n == 0 ? 1 : n);
    if (!p) throw std::bad_alloc();
    g_live_bytes += static_cast<long long>(malloc_usable_size(p));
    return p;
}
void operator delete(void* p) noexcept {
    if (!p) return;
    g_live_bytes -= static_cast<long long>(malloc_usable_size(p));
    std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
    operator delete(p);
}

namespace {

struct Options {
    int seed = 0;
    int passes = 200; // 1,797 × 200 = 359,400 records, the stream the figures use
    int sklearn_limit = 2000;
    std::vector<std::string> learners;
};

[[noreturn]] void usage(const char* argv0) {
    std::fprintf(stderr,
                 "usage: %s [--seed S] [--passes N] [--sklearn-limit N] [--learners a,b,...]\n",
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
            if (flag == "--seed") {
                o.seed = std::stoi(value);
            } else if (flag == "--passes") {
                o.passes = std::stoi(value);
            } else if (flag == "--sklearn-limit") {
                o.sklearn_limit = std::stoi(value);
            } else if (flag == "--learners") {
                for (std::size_t a = 0; a <= value.size();) {
                    const std::size_t b = std::min(value.find(',', a), value.size());
                    o.learners.push_back(value.substr(a, b - a));
                    a = b + 1;
                }
            } else {
                usage(argv[0]);
            }
        } catch (const std::exception&) {
            usage(argv[0]);
        }
    }
    if (o.passes < 1 || o.sklearn_limit < 2) usage(argv[0]);
    if (o.learners.empty())
        for (const auto name : liveml::online::learner_names())
            o.learners.emplace_back(name);
    return o;
}

std::vector<int> digit_classes() {
    return {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
}

struct Result {
    double wall_per_s = 0;
    double cpu_per_s = 0;
    long correct = 0;         // prequential hits over the whole stream (first record unscored)
    long correct_prefix = 0;  // the same over the records scikit-learn ran
    long long heap_bytes = 0; // held by the model after the stream
    liveml::online::PrequentialMetrics metrics; // from predict_proba, untimed second run
};

Result run_ours(const std::string& name, const Stream& s, std::size_t prefix) {
    Result r;
    const long long before = g_live_bytes.load();
    auto model = liveml::online::make_learner(name, digit_classes(), s.d);
    const auto start = Clock::now();
    const double cpu_start = liveml::bench::cpu_seconds();
    for (std::size_t i = 0; i < s.n; ++i) {
        const bool hit = model->predict(s.row(i)) == s.y[i];
        if (i > 0) {
            r.correct += hit;
            if (i < prefix) r.correct_prefix += hit;
        }
        model->partial_fit(s.row(i), s.y[i]);
    }
    const double cpu = liveml::bench::cpu_seconds() - cpu_start;
    const double wall = std::chrono::duration<double>(Clock::now() - start).count();
    // After the whole stream: a tree's heap grows with its leaves.
    r.heap_bytes = g_live_bytes.load() - before;
    r.wall_per_s = static_cast<double>(s.n) / wall;
    r.cpu_per_s = static_cast<double>(s.n) / cpu;
    if (model->has_proba()) {
        model = liveml::online::make_learner(name, digit_classes(), s.d);
        std::vector<double> proba(10);
        for (std::size_t i = 0; i < s.n; ++i) {
            model->predict_proba(s.row(i), proba);
            if (i > 0) r.metrics.add(proba, static_cast<std::size_t>(s.y[i]));
            model->partial_fit(s.row(i), s.y[i]);
        }
    }
    return r;
}

std::string fixed(double v, int decimals) {
    if (std::isnan(v)) return "-";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

} // namespace

int main(int argc, char** argv) try {
    const Options o = parse_options(argc, argv);
    const fs::path stream_file = fs::temp_directory_path() /
                                 ("liveml-learners-bench-" + std::to_string(::getpid()) + ".bin");
    const std::string cmd =
        std::string("'") + LIVEML_PYTHON + "' '" + LIVEML_BENCH_DIR +
        "/learners_sklearn_bench.py' --data '" + liveml::data_file("digits.csv.gz").string() +
        "' --stream-out '" + stream_file.string() + "' --seed " + std::to_string(o.seed) +
        " --passes " + std::to_string(o.passes) + " --limit " + std::to_string(o.sklearn_limit);
    std::printf("scikit-learn side: %s\n", cmd.c_str());
    std::fflush(stdout);
    const nlohmann::json sk = nlohmann::json::parse(liveml::bench::run_capture(cmd));
    const Stream s = liveml::bench::read_stream(stream_file);
    fs::remove(stream_file);
    const auto prefix = static_cast<std::size_t>(std::min<long>(o.sklearn_limit, long(s.n)));

    std::printf("\ndigits stream: RandomState(%d).permutation(1797) x %d passes = %zu records; "
                "per record predict(x) then partial_fit(x, y)\n",
                o.seed, o.passes, s.n);
    std::printf(
        "%-20s %11s %11s %9s %8s %8s %8s %9s | %-26s %10s %9s\n", "learner", "ours rec/s", "(CPU)",
        "preq.acc", "logloss", "Brier", "ECE", "heap KiB",
        ("scikit-learn " + sk.at("sklearn_version").get<std::string>() + " rec/s (CPU)").c_str(),
        "acc first", "ours same");
    bool failed = false;
    for (const std::string& name : o.learners) {
        const Result r = run_ours(name, s, prefix);
        std::string sk_rate = "-";
        std::string sk_acc = "-";
        const auto& est = sk.at("estimators");
        if (est.contains(name)) {
            const auto& e = est.at(name);
            const double n = e.at("records").get<double>();
            sk_rate = fixed(n / e.at("seconds").get<double>(), 0) + " (" +
                      fixed(n / e.at("cpu_seconds").get<double>(), 0) + ")";
            sk_acc = fixed(e.at("prequential_correct").get<double>() / (n - 1), 4);
        }
        std::printf("%-20s %11.0f %11.0f %9.4f %8s %8s %8s %9.1f | %-26s %10s %9.4f\n",
                    name.c_str(), r.wall_per_s, r.cpu_per_s,
                    static_cast<double>(r.correct) / static_cast<double>(s.n - 1),
                    fixed(r.metrics.log_loss(), 4).c_str(),
                    fixed(r.metrics.brier_score(), 4).c_str(),
                    fixed(r.metrics.expected_calibration_error(), 4).c_str(),
                    static_cast<double>(r.heap_bytes) / 1024.0, sk_rate.c_str(), sk_acc.c_str(),
                    static_cast<double>(r.correct_prefix) / static_cast<double>(prefix - 1));
        // The sklearn-exact learners must agree with scikit-learn prediction for prediction.
        if (est.contains(name) && name != "mlp" &&
            est.at(name).at("prequential_correct").get<long>() != r.correct_prefix) {
            std::printf("MISMATCH: %s's predictions differ from scikit-learn's\n", name.c_str());
            failed = true;
        }
    }
    std::printf("(scikit-learn ran the first %zu records of the same stream; 'acc first' and "
                "'ours same' compare that prefix)\n",
                prefix);
    return failed ? 1 : 0;
} catch (const std::exception& e) {
    std::fprintf(stderr, "learners_bench: %s\n", e.what());
    return 1;
}
