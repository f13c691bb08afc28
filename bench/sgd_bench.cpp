// Online learner throughput, ours against scikit-learn's, measured in one run on one stream.
//
// sgd_sklearn_bench.py builds the stream (digits in RandomState(seed).permutation order,
// repeated) and times scikit-learn's per-sample predict+partial_fit loop and its mini-batch
// partial_fit; this program then times SgdClassifier on the very same rows and prints both,
// the ratio, and the prequential accuracy of each (equal when the computations are equal).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <span>
#include <stdexcept>
#include <string>
#include <unistd.h>
#include <vector>

#include "common/data_paths.hpp"
#include "digits_stream.hpp"
#include "online/sgd_classifier.hpp"

namespace fs = std::filesystem;
using liveml::online::Loss;
using liveml::online::SgdClassifier;
using liveml::online::SgdParams;
using Clock = std::chrono::steady_clock;
using liveml::bench::cpu_seconds;
using liveml::bench::read_stream;
using liveml::bench::run_capture;
using liveml::bench::Stream;

namespace {

struct Options {
    int seed = 0;
    int passes = 3;
    int batch = 32;
    int sklearn_limit = 0; // 0: scikit-learn runs the whole per-sample stream
    double min_seconds = 1.0;
    SgdParams params{Loss::Log, liveml::online::parse_penalty("l1"), 0.01};
};

// Samples per second by the wall clock and by CPU time consumed: on a shared machine the
// wall figure moves with everyone else's load, the CPU figure much less.
struct Timing {
    double wall_per_s = 0.0;
    double cpu_per_s = 0.0;
    long prequential_correct = 0;
};

double median(std::vector<double> v) {
    std::nth_element(v.begin(), v.begin() + static_cast<long>(v.size() / 2), v.end());
    return v[v.size() / 2];
}

[[noreturn]] void usage(const char* argv0) {
    std::fprintf(stderr,
                 "usage: %s [--seed S] [--passes N] [--batch B] [--alpha A] [--penalty l1|l2|none]"
                 " [--sklearn-limit N] [--min-seconds T]\n",
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
            else if (flag == "--passes")
                o.passes = std::stoi(value);
            else if (flag == "--batch")
                o.batch = std::stoi(value);
            else if (flag == "--alpha")
                o.params.alpha = std::stod(value);
            else if (flag == "--penalty")
                o.params.penalty = liveml::online::parse_penalty(value);
            else if (flag == "--sklearn-limit")
                o.sklearn_limit = std::stoi(value);
            else if (flag == "--min-seconds")
                o.min_seconds = std::stod(value);
            else
                usage(argv[0]);
        } catch (const std::exception&) {
            usage(argv[0]);
        }
    }
    if (o.passes < 1 || o.batch < 1 || o.sklearn_limit < 0) usage(argv[0]);
    return o;
}

// Repeats `pass` (which trains a fresh model over the stream) until min_seconds have passed
// and reports the median pass, so one scheduling hiccup does not decide the figure.
template <typename Pass> Timing time_passes(const Stream& s, double min_seconds, Pass pass) {
    std::vector<double> wall;
    std::vector<double> cpu;
    Timing t;
    const auto begin = Clock::now();
    do {
        const auto start = Clock::now();
        const double cpu_start = cpu_seconds();
        t.prequential_correct = pass();
        cpu.push_back(cpu_seconds() - cpu_start);
        wall.push_back(std::chrono::duration<double>(Clock::now() - start).count());
    } while (std::chrono::duration<double>(Clock::now() - begin).count() < min_seconds ||
             wall.size() < 3);
    t.wall_per_s = static_cast<double>(s.n) / median(wall);
    t.cpu_per_s = static_cast<double>(s.n) / median(cpu);
    return t;
}

std::vector<int> digit_classes() {
    return {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
}

// Counts prequential hits over the first `scored` samples, the part scikit-learn also ran.
Timing ours_per_sample(const Stream& s, const Options& o, std::size_t scored) {
    return time_passes(s, o.min_seconds, [&] {
        SgdClassifier model(o.params, digit_classes(), s.d);
        long correct = 0;
        for (std::size_t i = 0; i < s.n; ++i) {
            const bool hit = model.predict(s.row(i)) == s.y[i];
            if (i > 0 && i < scored) correct += hit;
            model.partial_fit(s.row(i), s.y[i]);
        }
        return correct;
    });
}

Timing ours_mini_batch(const Stream& s, const Options& o) {
    const auto b = static_cast<std::size_t>(o.batch);
    return time_passes(s, o.min_seconds, [&] {
        SgdClassifier model(o.params, digit_classes(), s.d);
        for (std::size_t a = 0; a < s.n; a += b) {
            const std::size_t m = std::min(b, s.n - a);
            model.partial_fit_batch(std::span<const double>(s.X).subspan(a * s.d, m * s.d),
                                    std::span<const int>(s.y).subspan(a, m));
        }
        return 0L;
    });
}

double rate(const nlohmann::json& j, const char* seconds) {
    return j.at("samples").get<double>() / j.at(seconds).get<double>();
}

void print_row(const std::string& what, double ours, double theirs) {
    std::printf("%-44s %14.0f/s %14.1f/s %9.0fx\n", what.c_str(), ours, theirs, ours / theirs);
}

} // namespace

int main(int argc, char** argv) try {
    const Options o = parse_options(argc, argv);
    const fs::path stream_file =
        fs::temp_directory_path() / ("liveml-sgd-bench-" + std::to_string(::getpid()) + ".bin");
    const std::string cmd =
        std::string("'") + LIVEML_PYTHON + "' '" + LIVEML_BENCH_DIR + "/sgd_sklearn_bench.py'" +
        " --data '" + liveml::data_file("digits.csv.gz").string() + "' --stream-out '" +
        stream_file.string() + "' --seed " + std::to_string(o.seed) + " --passes " +
        std::to_string(o.passes) + " --batch " + std::to_string(o.batch) + " --alpha " +
        std::to_string(o.params.alpha) + " --penalty " + std::string(to_string(o.params.penalty)) +
        " --limit " + std::to_string(o.sklearn_limit);
    std::printf("scikit-learn side: %s\n", cmd.c_str());
    std::fflush(stdout);
    const nlohmann::json sk = nlohmann::json::parse(run_capture(cmd));
    const Stream s = read_stream(stream_file);
    fs::remove(stream_file);

    const nlohmann::json& sk_one = sk.at("per_sample");
    const nlohmann::json& sk_batch = sk.at("mini_batch");
    const long sk_samples = sk_one.at("samples").get<long>();
    const long sk_correct = sk_one.at("prequential_correct").get<long>();
    const Timing per_sample = ours_per_sample(s, o, static_cast<std::size_t>(sk_samples));
    const Timing batch = ours_mini_batch(s, o);

    std::printf("\nSGDClassifier(loss=log, penalty=%s, alpha=%g) on the digits stream "
                "RandomState(%d).permutation x %d passes = %zu samples (scikit-learn per sample: "
                "%ld)\n",
                std::string(to_string(o.params.penalty)).c_str(), o.params.alpha, o.seed, o.passes,
                s.n, sk_samples);
    std::printf("%-44s %16s %16s %10s\n", "", "ours (C++)",
                ("scikit-learn " + sk.at("sklearn_version").get<std::string>()).c_str(), "ratio");
    print_row("per sample, predict + partial_fit (wall)", per_sample.wall_per_s,
              rate(sk_one, "seconds"));
    print_row("per sample, predict + partial_fit (CPU)", per_sample.cpu_per_s,
              rate(sk_one, "cpu_seconds"));
    const std::string batch_label = "mini-batch " + std::to_string(o.batch) + ", partial_fit";
    print_row(batch_label + " (wall)", batch.wall_per_s, rate(sk_batch, "seconds"));
    print_row(batch_label + " (CPU)", batch.cpu_per_s, rate(sk_batch, "cpu_seconds"));
    const double scored = static_cast<double>(sk_samples - 1);
    std::printf("%-44s %16.4f %16.4f\n",
                ("prequential accuracy, first " + std::to_string(sk_samples)).c_str(),
                static_cast<double>(per_sample.prequential_correct) / scored,
                static_cast<double>(sk_correct) / scored);
    if (sk_correct != per_sample.prequential_correct) {
        std::printf("MISMATCH: the two learners made different predictions\n");
        return 1;
    }
    return 0;
} catch (const std::exception& e) {
    std::fprintf(stderr, "sgd_bench: %s\n", e.what());
    return 1;
}
